package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
/**
 * Decision trees (Garg et al. 2022): per prompt a full binary tree of the given depth whose internal nodes each
 * split on a coordinate drawn uniformly from all d (going right when that coordinate of x is > 0), with leaf values
 * ~ N(0, 1); y is the value of the leaf x reaches. As in Garg et al., a split may fall on a coordinate the
 * curriculum has not activated yet; such a coordinate is 0, so x goes left. Errors are not divided (Garg et al.'s
 * plots show the plain squared error for trees).
 *
 * <pre>
 * Java:   Iclab.decisionTree(20)                  Groovy:  task decisionTree(dims: 20, depth: 4)
 * </pre>
 */
@Setting("Decision trees (Garg et al.): per prompt a full binary tree of the given depth, splits x[i] > 0 on uniform "
        + "coordinates, leaves ~ N(0, 1); errors are not divided.")
@Word("decisionTree")
public record DecisionTree(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                           @Setting(value = "Splits from the root to every leaf (2^depth leaves).", range = "[1, 20]") int depth) implements Task {
    /** The deepest tree allowed: 2^20 leaves already take 8 MB per prompt. */
    public static final int MAX_DEPTH = 20;

    public DecisionTree {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(depth >= 1 && depth <= MAX_DEPTH, "depth", "must be in [1, " + MAX_DEPTH + "]", depth)
                .throwIfAny();
    }

    /** Garg et al.'s default: depth 4. */
    public DecisionTree(int dims) {
        this(dims, 4);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.NONE, 1);
    }

    /** Least squares, 3-NN, averaging, greedy trees of depth 4 and unlimited, and gradient boosting (Garg et al.). */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging(), new GreedyTree(4),
                new GreedyTree(GreedyTree.UNLIMITED), new GradientBoosting());
    }
}
