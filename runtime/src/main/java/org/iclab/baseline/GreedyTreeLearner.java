package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * A greedy regression tree with scikit-learn's {@code DecisionTreeRegressor(max_depth)} semantics (Garg et al.'s
 * call): CART on squared error; at each node the split with the largest impurity decrease over every feature and
 * every midpoint between consecutive distinct sorted values (values closer than 1e-7 count as equal), examples with
 * x ≤ threshold to the left; a node stays a leaf at the depth limit, with fewer than 2 examples, or when pure
 * (variance ≤ machine epsilon); a leaf predicts its mean. Where several splits decrease the impurity equally,
 * scikit-learn takes the first in a random order of the features; here the lowest feature wins (and, within it, the
 * lowest threshold), so results are reproducible.
 *
 * <p>Only the prediction at the query is needed, and a greedy tree's split at a node depends only on the examples in
 * that node, so the learner grows just the path from the root to the query's leaf: the same prediction as growing the
 * whole tree, in depth × d × k² (an insertion sort per feature and node, which beats a general sort at k ≤ 40).
 *
 * <p><b>Why not a library.</b> Evaluation fits about 50,000 trees on at most 40 examples each. Two maintained
 * Apache-2.0 learners were weighed. XGBoost (already here for {@code gradientBoosting}) configured as one exact
 * greedy tree (1 round, eta 1, lambda 0, min_child_weight 0, base_score 0, tree_method exact) finds the same splits
 * and mean leaves (the test checks that), but costs about 0.4 ms of CPU a fit, mostly per-call overhead (DMatrix and
 * booster through JNI), against 0.06-0.07 ms here (depth 4 or unlimited, up to 40 examples, d = 20); it also stops
 * splitting below an absolute gain of 1e-6 where scikit-learn does not, and has no unlimited depth with the exact
 * method. Tribuo's CART trainer would add tribuo-core, OLCUT and protobuf and builds named-feature {@code Example}
 * objects per fit. The greedy search is some 80 lines and is tested against a brute-force CART written independently
 * and against XGBoost's tree.
 */
final class GreedyTreeLearner implements Learner {
    /** scikit-learn's FEATURE_THRESHOLD: values closer than this are not split between. */
    private static final float FEATURE_THRESHOLD = 1e-7f;
    /** scikit-learn's EPSILON: a node whose impurity is at most this is a leaf. */
    private static final double EPSILON = Math.ulp(1.0);

    /** The depth limit, or 0 for none. */
    private final int maxDepth;

    GreedyTreeLearner(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        return new Path(batch.points(), batch.dims()).predict(batch, prompt, k, maxDepth);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Path path = new Path(batch.points(), batch.dims());
        for (int k = 1; k < out.length; k++) {
            out[k] = path.predict(batch, prompt, k, maxDepth);
        }
        return out;
    }

    /** Work arrays for growing the query's path; one per thread. */
    private static final class Path {
        private final int d;
        private final int[] node;
        private final int[] order;
        private final float[] values;
        private final int[] scratch;

        Path(int points, int d) {
            this.d = d;
            node = new int[points];
            order = new int[points];
            values = new float[points];
            scratch = new int[points];
        }

        /** The tree's prediction at example k of the prompt, grown on examples 0..k-1; 0 when k is 0. */
        double predict(PromptBatch batch, int prompt, int k, int maxDepth) {
            if (k == 0) {
                return 0;
            }
            for (int i = 0; i < k; i++) {
                node[i] = i;
            }
            int size = k;
            for (int depth = 0; ; depth++) {
                double sum = 0;
                double sumSq = 0;
                for (int i = 0; i < size; i++) {
                    double y = batch.y(prompt, node[i]);
                    sum += y;
                    sumSq += y * y;
                }
                double mean = sum / size;
                if (size < 2 || (maxDepth > 0 && depth >= maxDepth) || sumSq / size - mean * mean <= EPSILON) {
                    return mean;
                }
                int bestFeature = -1;
                double bestThreshold = 0;
                double bestProxy = Double.NEGATIVE_INFINITY;
                for (int f = 0; f < d; f++) {
                    sortNode(batch, prompt, f, size);
                    if (values[order[size - 1]] <= values[order[0]] + FEATURE_THRESHOLD) {
                        continue; // constant in this node
                    }
                    double left = 0;
                    for (int p = 1; p < size; p++) {
                        left += batch.y(prompt, node[order[p - 1]]);
                        float before = values[order[p - 1]];
                        float after = values[order[p]];
                        if (after <= before + FEATURE_THRESHOLD) {
                            continue;
                        }
                        double right = sum - left;
                        // scikit-learn's proxy for the impurity decrease: larger is better
                        double proxy = left * left / p + right * right / (size - p);
                        if (proxy > bestProxy) {
                            bestProxy = proxy;
                            bestFeature = f;
                            double threshold = before / 2.0 + after / 2.0;
                            bestThreshold = threshold == after || Double.isInfinite(threshold) ? before : threshold;
                        }
                    }
                }
                if (bestFeature < 0) {
                    return mean; // every feature constant
                }
                boolean goLeft = batch.x(prompt, k, bestFeature) <= bestThreshold;
                int kept = 0;
                for (int i = 0; i < size; i++) {
                    if ((batch.x(prompt, node[i], bestFeature) <= bestThreshold) == goLeft) {
                        scratch[kept++] = node[i];
                    }
                }
                System.arraycopy(scratch, 0, node, 0, kept);
                size = kept;
            }
        }

        /** order[0..size) = positions in node[] sorted by feature f (stable), values[pos] = that feature's value. */
        private void sortNode(PromptBatch batch, int prompt, int f, int size) {
            for (int i = 0; i < size; i++) {
                values[i] = batch.x(prompt, node[i], f);
                int j = i;
                float v = values[i];
                while (j > 0 && values[order[j - 1]] > v) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
        }
    }
}
