package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Bayes;
/**
 * Sign-vector regression (Panwar et al. 2024, "In-context learning through the Bayesian prism"): per prompt w uniform
 * on {−1, +1}^d, y = scale · w·x. Its prior is a finite set of 2^d functions, so {@code bayes()} is the posterior
 * mean over them, and one example in general position tells them apart (in the noiseless limit σ = 0.001·scale,
 * as far as their w·x differ by more than a few σ).
 *
 * <pre>
 * Java:   new SignVectorRegression(8)         Groovy:  task signVectorRegression(dims: 8)
 * </pre>
 */
@Setting("Sign-vector regression (Panwar et al.): per prompt w uniform on {-1, +1}^d, y = scale * w.x; errors are divided by d.")
@Word("signVectorRegression")
public record SignVectorRegression(@Setting(value = "Input dimension d (bayes() weighs all 2^d sign vectors).", range = "1 to 16") int dims,
                                   @Setting(value = "Multiplies every y.", range = "a finite number > 0") double scale)
        implements Task {
    /** The largest d: bayes() weighs 2^d hypotheses per prompt. */
    public static final int MOST_DIMS = 16;

    public SignVectorRegression {
        Problems.in("task")
                .require(dims > 0 && dims <= MOST_DIMS, "dims", "must be in 1.." + MOST_DIMS + " (bayes() weighs all 2^d sign vectors)", dims)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    /** Scale 1: the shortest form, whose defaults the DSL's named and block forms take. */
    public SignVectorRegression(int dims) {
        this(dims, 1.0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.DIMS, dims);
    }

    /** Garg et al.'s learners, and the posterior mean over the sign vectors. */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        java.util.List<Baseline> all = new java.util.ArrayList<>(Task.super.defaultBaselines());
        all.add(new Bayes());
        return java.util.List.copyOf(all);
    }

    @Override
    public boolean hasWeights() {
        return true;
    }
}
