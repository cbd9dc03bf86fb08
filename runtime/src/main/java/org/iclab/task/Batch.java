package org.iclab.task;

/**
 * What one training or evaluation step feeds a model: real-valued (x, y) pairs ({@link PromptBatch}) or token
 * sequences ({@link TokenBatch}). The prompt format decides which one a model reads.
 */
public sealed interface Batch permits PromptBatch, TokenBatch {
    /** Prompts in the batch. */
    int batch();
}
