package org.iclab.baseline;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.Experiment;
import org.iclab.spec.Registry;
import org.iclab.task.PromptBatch;

/**
 * A learner that, for one prompt, predicts y_k from the examples before it (y_0 is predicted as 0). Implement
 * {@link #predictAt}; learners that can reuse work across prefixes (running sums, incremental solves) also override
 * {@link #predictPrefixes}, which evaluation calls for in-distribution prompts. Strategies whose query differs from
 * the context inputs call {@code predictAt} once per prompt and k. Evaluation shares one learner across threads, so a
 * learner keeps no mutable state between calls.
 */
public interface Learner {
    /** The prediction for position {@code k} of prompt {@code prompt}, fitted on examples 0..k-1 only. */
    double predictAt(PromptBatch batch, int prompt, int k);

    /** Predictions for every position of prompt {@code prompt} of {@code batch}; element i uses examples 0..i-1. */
    default double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        for (int k = 1; k < out.length; k++) {
            out[k] = predictAt(batch, prompt, k);
        }
        return out;
    }

    /** The learner declared by a baseline spec (its registered {@link LearnerFactory}). */
    @SuppressWarnings("unchecked")
    static Learner of(Baseline baseline) {
        return Registry.get().implementation(baseline, LearnerFactory.class).create(baseline);
    }

    /** The learner declared by a baseline spec for {@code experiment} (which {@code bayes()} reads its prior from). */
    @SuppressWarnings("unchecked")
    static Learner of(Baseline baseline, Experiment experiment) {
        return Registry.get().implementation(baseline, LearnerFactory.class).create(baseline, experiment);
    }
}
