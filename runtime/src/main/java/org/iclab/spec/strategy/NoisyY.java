package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Gaussian noise on every y, in the context and at the query: y = f(x) + sigma·ε with ε ~ N(0, 1) drawn per point.
 * Predictions are scored against the noisy y, as in Garg et al.'s noisy linear regression.
 *
 * <pre>
 * Java:   Iclab.noisyY(1)  Groovy:  strategies noisyY(1), noisyY(sigma: 0.5)
 * </pre>
 */
@Setting("Every y, in the context and at the query, gets Gaussian noise of standard deviation sigma.")
@Word("noisyY")
public record NoisyY(@Setting(value = "Standard deviation of the noise.", range = "a finite number > 0") double sigma)
        implements Strategy {
    public NoisyY {
        Problems.in("evaluate.strategies.noisyY")
                .require(sigma > 0 && Double.isFinite(sigma), "sigma", "must be a finite number > 0", sigma).throwIfAny();
    }

    @Override
    public String label() {
        return Extension.wordOf(getClass()) + "(" + Strategy.number(sigma) + ")";
    }
}
