package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
/**
 * Minimum-norm least squares on the k examples seen so far (the Bayes-optimal predictor for noiseless linear
 * regression once k ≥ d). Java: {@code Iclab.leastSquares()}; Groovy: {@code leastSquares()}.
 */
@Setting("Minimum-norm least squares on the examples seen so far.")
public record LeastSquares() implements Baseline {
    @Override
    public String learnerName() {
        return "leastSquares";
    }
}
