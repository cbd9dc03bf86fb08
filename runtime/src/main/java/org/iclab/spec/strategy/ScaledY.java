package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Every y multiplied by {@code factor}, in the context and at the query. Garg et al. scale the weights w, which
 * for linear functions is the same thing; for other function classes scaling y is the definition iclab uses.
 *
 * <pre>
 * Java:   Iclab.scaledY(2)  Groovy:  strategies scaledY(2), scaledY(factor: 0.5)
 * </pre>
 */
@Setting("Every y multiplied by factor (for linear functions the same as scaling w).")
@Word("scaledY")
public record ScaledY(@Setting(value = "What every y is multiplied by.", range = "a finite number > 0") double factor)
        implements Strategy {
    public ScaledY {
        Problems.in("evaluate.strategies.scaledY")
                .require(factor > 0 && Double.isFinite(factor), "factor", "must be a finite number > 0", factor).throwIfAny();
    }

    @Override
    public String label() {
        return Extension.wordOf(getClass()) + "(" + Strategy.number(factor) + ")";
    }
}
