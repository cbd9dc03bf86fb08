package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Ridge regression on the k examples seen so far: w = argmin ||y - Xw||² + alpha·||w||², no intercept (scikit-learn's
 * {@code Ridge(alpha, fit_intercept=False)}); predicts w·x. Named {@code ridge(alpha)} in results, e.g. {@code ridge(1)}.
 *
 * <pre>
 * Java:   Iclab.ridge(0.1)                    Groovy:  ridge(alpha: 0.1)
 * </pre>
 */
@Setting("Ridge regression (no intercept) on the examples seen so far: w minimises ||y - Xw||^2 + alpha ||w||^2.")
@Word("ridge")
public record Ridge(@Setting(value = "Weight of the squared-norm penalty.", range = "a finite number > 0") double alpha)
        implements Baseline {
    /** scikit-learn's default. */
    public static final double DEFAULT_ALPHA = 1.0;

    public Ridge {
        Problems.in("evaluate.baselines.ridge")
                .require(alpha > 0 && Double.isFinite(alpha), "alpha", "must be a finite number > 0", alpha)
                .throwIfAny();
    }

    public Ridge() {
        this(DEFAULT_ALPHA);
    }

    @Override
    public String learnerName() {
        return Extension.wordOf(getClass()) + "(" + BaselineNames.number(alpha) + ")";
    }
}
