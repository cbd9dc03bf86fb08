package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.iclab.spec.Word;

/**
 * A regression tree grown greedily on the k examples seen so far, with scikit-learn's
 * {@code DecisionTreeRegressor(max_depth)} semantics (CART, squared error, the best split over every feature and every
 * midpoint between sorted distinct values; a leaf predicts its mean). Garg et al. use depth 4 and unlimited depth.
 * {@code maxDepth} 0 means unlimited (scikit-learn's {@code max_depth=None}, as XGBoost's {@code max_depth=0}): the
 * tree grows until every leaf is pure or holds one example. Named {@code greedyTree(4)} or
 * {@code greedyTree(unlimited)} in results.
 *
 * <pre>
 * Java:   Iclab.greedyTree(4)                 Groovy:  greedyTree(maxDepth: 4)
 *         Iclab.greedyTree(0)                          greedyTree(maxDepth: 0)      // unlimited
 * </pre>
 */
@Setting("A greedy regression tree (CART, squared error, as scikit-learn's DecisionTreeRegressor) on the examples seen so far.")
@Word("greedyTree")
public record GreedyTree(@Setting(value = "Deepest level of splits; 0 for unlimited.", range = ">= 0 (0: unlimited)") int maxDepth)
        implements Baseline {
    /** Garg et al.'s depth-limited tree. */
    public static final int DEFAULT_MAX_DEPTH = 4;
    /** {@code maxDepth} for a tree without a depth limit. */
    public static final int UNLIMITED = 0;

    public GreedyTree {
        Problems.in("evaluate.baselines.greedyTree")
                .require(maxDepth >= 0, "maxDepth", "must be >= 0 (0: unlimited)", maxDepth)
                .throwIfAny();
    }

    public GreedyTree() {
        this(DEFAULT_MAX_DEPTH);
    }

    /** Whether the depth is unlimited. */
    @JsonIgnore
    public boolean unlimited() {
        return maxDepth == UNLIMITED;
    }

    @Override
    public String learnerName() {
        return Extension.wordOf(getClass()) + "(" + (unlimited() ? "unlimited" : String.valueOf(maxDepth)) + ")";
    }
}
