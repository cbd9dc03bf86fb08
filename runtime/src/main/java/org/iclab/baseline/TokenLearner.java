package org.iclab.baseline;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.Registry;
import org.iclab.spec.task.TokenTask;
import org.iclab.task.TokenBatch;

/**
 * A learner of token sequences: for one sequence, the distribution of the target at every position, predicted from
 * the tokens up to and including that position. Evaluation shares one learner across threads, so it keeps no
 * mutable state between calls.
 */
public interface TokenLearner {
    /** Fills {@code out[t * vocabulary + v]} with the probability that sequence {@code sequence}'s target t is v. */
    void predict(TokenBatch batch, int sequence, double[] out);

    /** The learner {@code baseline} declares for {@code task} (its registered {@link TokenLearnerFactory}). */
    @SuppressWarnings("unchecked")
    static TokenLearner of(Baseline baseline, TokenTask task) {
        return Registry.get().implementation(baseline, TokenLearnerFactory.class).create(baseline, task);
    }
}
