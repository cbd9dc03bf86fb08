package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
/**
 * Two-layer ReLU networks (Garg et al. 2022's relu_2nn_regression): per prompt W1 ~ N(0, 1)^{d × hidden} and
 * W2 ~ N(0, 1)^{hidden}, y = scale · sqrt(2 / hidden) · Σ_j W2_j · relu(Σ_i W1_ij x_i). The factor
 * sqrt(2 / hidden) brings y to the variance of linear regression.
 *
 * <pre>
 * Java:   Iclab.reluNetwork(20)                   Groovy:  task reluNetwork(dims: 20, hidden: 100)
 * </pre>
 */
@Setting("Two-layer ReLU networks (Garg et al.): per prompt W1 ~ N(0,1)^(d x hidden), W2 ~ N(0,1)^hidden, "
        + "y = scale * sqrt(2 / hidden) * W2.relu(W1^T x); errors are divided by d.")
@Word("reluNetwork")
public record ReluNetwork(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                          @Setting(value = "Hidden units of the network.", range = "> 0") int hidden,
                          @Setting(value = "Multiplies every y.", range = "a finite number > 0") double scale) implements Task {
    public ReluNetwork {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(hidden > 0, "hidden", "must be > 0", hidden)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    /** Garg et al.'s default: 100 hidden units, scale 1. */
    public ReluNetwork(int dims) {
        this(dims, 100, 1.0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.DIMS, dims);
    }

    /** Least squares, 3-NN, averaging and the per-prompt ReLU net (Garg et al.'s get_relevant_baselines). */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging(), new GradientDescentNet());
    }
}
