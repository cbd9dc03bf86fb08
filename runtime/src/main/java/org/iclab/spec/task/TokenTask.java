package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.prompt.Tokens;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import java.util.List;

/**
 * A task whose prompts are token sequences over a vocabulary rather than real-valued (x, y) pairs: its
 * objective is cross-entropy over the vocabulary, it is read through a {@link Tokens} prompt, and its sequences
 * are drawn by its registered {@code org.iclab.task.TokenClass}. It has no input dimension ({@link #dims()} is 1,
 * so that dimension curricula stay trivial) and no classical baselines by default.
 */
public interface TokenTask extends Task {
    /** Tokens in the vocabulary, ids 0..vocabulary-1. */
    int vocabulary();

    /** Tokens in one sequence (one prompt). */
    int length();

    @Override
    default int dims() {
        return 1;
    }

    @Override
    default Objective objective() {
        return Objective.crossEntropy(vocabulary());
    }

    @Override
    default List<Baseline> defaultBaselines() {
        return List.of();
    }

    /**
     * Whether each sequence is drawn in a random language of its own (a transition table, an automaton) that a pool of
     * tasks can fix ({@code train { pool tasks: M }}: M training languages, evaluation on others).
     */
    default boolean hasLanguages() {
        return false;
    }

    /**
     * What k counts in results: {@code "position"} (each position of the sequence, the default) or, for a task whose
     * prompt is a series of examples, the example ({@code "string"} for regularLanguage: each position is scored as
     * part of the string its target belongs to, and k is the string's index).
     */
    default String unit() {
        return "position";
    }

    /**
     * Width of the real-valued vector each token is read as, where the task's class writes them (Reddy's bursty
     * sequences); 0, the default, where tokens are ids read as one-hot rows of the vocabulary.
     */
    default int tokenWidth() {
        return 0;
    }

    /** A token task is evaluated on its own sequences ({@code standard()}) unless its class defines test sets of its own. */
    @Override
    default boolean accepts(Strategy strategy) {
        return strategy instanceof Standard;
    }

    /** The token that ends each example of a sequence (regularLanguage's '|'), or -1 where a sequence is one example. */
    default int separator() {
        return -1;
    }

    /** The token that pads a sequence after its last example (regularLanguage's '.'), or -1 where there is none. */
    default int padding() {
        return -1;
    }

    /** Whether the task's sampler knows the distribution each next token is drawn from ({@code oracle()}). */
    default boolean hasOracle() {
        return false;
    }
}
