package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Every input multiplied by {@code factor}. Garg et al. multiply by a random orthogonal matrix times the factor,
 * which for isotropic inputs is the same distribution; iclab scales the experiment's own inputs, whatever their
 * covariance, so that the strategy changes the inputs' scale and nothing else.
 *
 * <pre>
 * Java:   Iclab.scaledX(2)  Groovy:  strategies scaledX(2), scaledX(factor: 1/3)
 * </pre>
 */
@Setting("Every input multiplied by factor.")
@Word("scaledX")
public record ScaledX(@Setting(value = "What every input is multiplied by.", range = "a finite number > 0") double factor)
        implements Strategy {
    public ScaledX {
        Problems.in("evaluate.strategies.scaledX")
                .require(factor > 0 && Double.isFinite(factor), "factor", "must be a finite number > 0", factor).throwIfAny();
    }

    @Override
    public String label() {
        return Extension.wordOf(getClass()) + "(" + Strategy.number(factor) + ")";
    }
}
