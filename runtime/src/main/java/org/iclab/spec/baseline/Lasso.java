package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The Lasso on the k examples seen so far, with scikit-learn's objective and Garg et al.'s call
 * {@code Lasso(alpha, fit_intercept=False, max_iter=100000)}: w minimises (1/(2k))·||y - Xw||² + alpha·||w||₁;
 * predicts w·x. There is no default alpha: Garg et al. sweep 1, 0.1, 0.01, 0.001 and 0.0001 and no one value is
 * canonical, so a script says which it means. Named {@code lasso(alpha)} in results, e.g. {@code lasso(0.01)}.
 *
 * <pre>
 * Java:   Iclab.lasso(0.01)                   Groovy:  lasso(alpha: 0.01)
 * </pre>
 */
@Setting("The Lasso (no intercept) on the examples seen so far: w minimises ||y - Xw||^2 / (2k) + alpha ||w||_1.")
@Word("lasso")
public record Lasso(@Setting(value = "Weight of the L1 penalty.", range = "a finite number > 0") double alpha) implements Baseline {
    public Lasso {
        Problems.in("evaluate.baselines.lasso")
                .require(alpha > 0 && Double.isFinite(alpha), "alpha", "must be a finite number > 0", alpha)
                .throwIfAny();
    }

    @Override
    public String learnerName() {
        return Extension.wordOf(getClass()) + "(" + BaselineNames.number(alpha) + ")";
    }
}
