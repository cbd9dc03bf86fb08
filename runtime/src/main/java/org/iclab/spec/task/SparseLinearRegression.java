package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Lasso;
/**
 * Sparse linear regression (Garg et al. 2022): per prompt w ~ N(0, I_d) with all but {@code sparsity} coordinates
 * set to zero, the kept ones chosen uniformly without replacement among the active coordinates of the curriculum
 * (all of them when fewer than {@code sparsity} are active); y = scale · w·x. Errors are divided by the sparsity,
 * as in Garg et al.'s plots.
 *
 * <pre>
 * Java:   Iclab.sparseLinearRegression(20, 3)     Groovy:  task sparseLinearRegression(dims: 20, sparsity: 3)
 * </pre>
 */
@Setting("Sparse linear regression (Garg et al.): per prompt w ~ N(0, I_d) keeping `sparsity` active coordinates, "
        + "y = scale * w.x; errors are divided by the sparsity.")
@Word("sparseLinearRegression")
public record SparseLinearRegression(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                                     @Setting(value = "Non-zero coordinates of w.", range = "[1, dims]") int sparsity,
                                     @Setting(value = "Multiplies every y.", range = "a finite number > 0") double scale) implements Task {
    public SparseLinearRegression {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(sparsity >= 1, "sparsity", "must be >= 1", sparsity)
                .require(sparsity < 1 || sparsity <= dims, "sparsity", "must be <= dims", sparsity + " > " + dims)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    /** Garg et al.'s default: 3 non-zero coordinates, scale 1. */
    public SparseLinearRegression(int dims) {
        this(dims, 3, 1.0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.SPARSITY, sparsity);
    }

    @Override
    public boolean hasWeights() {
        return true;
    }

    /** Least squares, 3-NN and averaging, and the Lasso over alpha 1 ... 1e-4 (Garg et al.'s get_relevant_baselines). */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        java.util.List<Baseline> all = new java.util.ArrayList<>(Task.super.defaultBaselines());
        for (double alpha : new double[] {1, 0.1, 0.01, 0.001, 0.0001}) {
            all.add(new Lasso(alpha));
        }
        return java.util.List.copyOf(all);
    }
}
