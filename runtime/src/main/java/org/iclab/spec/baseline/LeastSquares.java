package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Minimum-norm least squares on the k examples seen so far (the Bayes-optimal predictor for noiseless linear
 * regression once k ≥ d). Java: {@code Iclab.leastSquares()}; Groovy: {@code leastSquares()}.
 */
@Setting("Minimum-norm least squares on the examples seen so far.")
@Word("leastSquares")
public record LeastSquares() implements Baseline {
}
