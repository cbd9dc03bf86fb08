package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Inputs with a skewed covariance: the experiment's gaussian inputs with covariance {@code 'skewed'} (eigenvalues
 * proportional to 1/i²), a fresh transform per evaluation drawn from the strategy's seed (Garg et al.'s skewed).
 *
 * <pre>
 * Java:   Iclab.skewedCovariance()  Groovy:  strategies skewedCovariance()
 * </pre>
 */
@Setting("Inputs with a skewed covariance, eigenvalues proportional to 1/i^2 (the inputs' skewed covariance,"
        + " a fresh transform).")
@Word("skewedCovariance")
public record SkewedCovariance() implements Strategy {
    @Override
    public boolean needsGaussianInputs() {
        return true;
    }
}
