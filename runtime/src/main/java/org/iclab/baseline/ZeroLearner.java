package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/** Predicts 0 everywhere (Garg et al.'s "zero" model). */
final class ZeroLearner implements Learner {
    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        return 0;
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        return new double[batch.points()];
    }
}
