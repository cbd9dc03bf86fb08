package org.iclab.baseline;

import org.iclab.spec.Averaging;
import org.iclab.spec.Baseline;
import org.iclab.spec.LeastSquares;
import org.iclab.spec.NearestNeighbors;
import org.iclab.task.PromptBatch;

/** A learner that, for one prompt, predicts each y_i from the examples before it (y_0 is predicted as 0). */
public interface Learner {
    /** Predictions for every position of prompt {@code prompt} of {@code batch}; element i uses examples 0..i-1. */
    double[] predictPrefixes(PromptBatch batch, int prompt);

    /** The learner declared by a baseline spec. */
    static Learner of(Baseline baseline) {
        if (baseline instanceof LeastSquares) {
            return new LeastSquaresLearner();
        } else if (baseline instanceof NearestNeighbors nn) {
            return new NearestNeighborsLearner(nn.k());
        } else if (baseline instanceof Averaging) {
            return new AveragingLearner();
        }
        throw new IllegalArgumentException("no learner for " + baseline);
    }
}
