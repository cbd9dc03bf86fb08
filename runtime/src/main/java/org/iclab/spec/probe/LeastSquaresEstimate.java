package org.iclab.spec.probe;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The minimum-norm least-squares estimate from the first k examples, w_OLS = X⁺y (the pseudo-inverse, so for k &lt; d
 * the solution of smallest norm that fits the k examples exactly). Once k ≥ d on noiseless tasks it is the true w.
 *
 * <pre>
 * Java:   Iclab.leastSquaresEstimate()        Groovy:  linear(target: leastSquaresEstimate())
 * </pre>
 */
@Setting("The minimum-norm least-squares estimate from the first k examples, X^+ y.")
@Word("leastSquaresEstimate")
public record LeastSquaresEstimate() implements Target {
}
