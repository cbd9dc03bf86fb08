package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

class GreedyTreeLearnerTest {
    @Test
    void aPlantedThresholdIsRecoveredExactly() {
        // y = 1.5 where x_3 > 0.2, else -0.5: the root's best split separates the two values, both sides pure
        PromptBatch b = Prompts.gaussian(21, 10, 41, 5, x -> x[3] > 0.2 ? 1.5 : -0.5);
        for (int depth : new int[] {1, 4, 0}) {
            Learner tree = Learner.of(new GreedyTree(depth));
            for (int p = 0; p < b.batch(); p++) {
                double[] pred = tree.predictPrefixes(b, p);
                // once both sides have several examples (so that no other feature happens to separate them), every
                // query outside the gap between the two sides is predicted exactly
                double below = Double.NEGATIVE_INFINITY;
                double above = Double.POSITIVE_INFINITY;
                for (int k = 1; k < b.points(); k++) {
                    float prev = b.x(p, k - 1, 3);
                    if (prev > 0.2) {
                        above = Math.min(above, prev);
                    } else {
                        below = Math.max(below, prev);
                    }
                    float q = b.x(p, k, 3);
                    if (k >= 15 && Double.isFinite(below) && Double.isFinite(above) && (q <= below || q >= above)) {
                        assertThat(pred[k]).as("depth %d prompt %d k %d", depth, p, k).isEqualTo(b.y(p, k));
                    }
                }
            }
        }
    }

    @Test
    void predictionsEqualABruteForceCartOnSmallRandomData() {
        PromptBatch b = Prompts.gaussian(8, 30, 13, 3, x -> Math.sin(3 * x[0]) + x[1] * x[2]);
        for (int depth : new int[] {1, 2, 3, 0}) {
            Learner tree = Learner.of(new GreedyTree(depth));
            for (int p = 0; p < b.batch(); p++) {
                double[] pred = tree.predictPrefixes(b, p);
                for (int k = 1; k < b.points(); k++) {
                    List<Integer> rows = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        rows.add(i);
                    }
                    double expected = BruteForceCart.predict(b, p, rows, Prompts.row(b, p, k), depth == 0 ? Integer.MAX_VALUE : depth, 0);
                    assertThat(pred[k]).as("depth %d prompt %d k %d", depth, p, k).isCloseTo(expected, within(1e-9));
                    assertThat(tree.predictAt(b, p, k)).isEqualTo(pred[k]);
                }
            }
        }
    }

    @Test
    void depthLimitsTheTreeAndUnlimitedFitsEveryExample() {
        // duplicate a training example as the query: an unlimited tree's leaf holds only that example's y
        PromptBatch r = Prompts.gaussian(4, 5, 20, 4, x -> x[0] * x[1] + x[2]);
        for (int p = 0; p < r.batch(); p++) {
            float[] xs = r.xs().clone();
            int n = r.points();
            int d = r.dims();
            System.arraycopy(xs, (p * n + 7) * d, xs, (p * n + n - 1) * d, d);
            PromptBatch b = new PromptBatch(r.batch(), n, d, xs, r.ys());
            assertThat(Learner.of(new GreedyTree(0)).predictAt(b, p, n - 1)).isCloseTo(b.y(p, 7), within(1e-6));
            // depth 1: a mean over one side of one split, not a single example
            double stump = Learner.of(new GreedyTree(1)).predictAt(b, p, n - 1);
            double expected = BruteForceCart.predict(b, p, range(n - 1), Prompts.row(b, p, 7), 1, 0);
            assertThat(stump).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void agreesWithXgboostGrowingOneExactGreedyTree() throws Exception {
        // XGBoost with 1 round, eta 1, lambda 0, min_child_weight 0, base_score 0 and the exact method finds CART's
        // squared-error splits (gain = S_L²/n_L + S_R²/n_R - S²/n) at midpoints and puts mean leaves. It does not
        // split below a gain of 1e-6, which moves a leaf by less than 1e-3 (two examples: |y1 - y2| < 1.5e-3).
        PromptBatch b = Prompts.gaussian(17, 12, 31, 4, x -> x[0] > 0 ? 1 + x[1] : x[2] * x[3]);
        Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "tree_method", "exact", "eta", 1,
                "lambda", 0, "min_child_weight", 0, "base_score", 0, "nthread", 1, "verbosity", 0));
        int compared = 0;
        int exact = 0;
        for (int depth : new int[] {2, 4}) {
            params.put("max_depth", depth);
            Learner tree = Learner.of(new GreedyTree(depth));
            for (int p = 0; p < b.batch(); p++) {
                double[] pred = tree.predictPrefixes(b, p);
                for (int k = 2; k < b.points(); k++) {
                    int base = p * b.points();
                    DMatrix train = new DMatrix(Arrays.copyOfRange(b.xs(), base * b.dims(), (base + k) * b.dims()), k, b.dims(), Float.NaN);
                    train.setLabel(Arrays.copyOfRange(b.ys(), base, base + k));
                    DMatrix query = new DMatrix(Arrays.copyOfRange(b.xs(), (base + k) * b.dims(), (base + k + 1) * b.dims()), 1, b.dims(), Float.NaN);
                    Booster booster = XGBoost.train(train, params, 1, Map.of(), null, null);
                    float xgb = booster.predict(query)[0][0];
                    booster.dispose();
                    train.dispose();
                    query.dispose();
                    assertThat(pred[k]).as("depth %d prompt %d k %d", depth, p, k).isCloseTo(xgb, within(1e-3));
                    compared++;
                    exact += Math.abs(pred[k] - xgb) < 1e-5 ? 1 : 0;
                }
            }
        }
        assertThat(exact).as("agreeing to float precision").isGreaterThan(compared * 9 / 10);
    }

    private static List<Integer> range(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }

    /**
     * CART written the slow, obvious way: every feature, every midpoint between distinct values, the sum of squared
     * errors of both sides computed from scratch; the smallest wins (the first found on ties).
     */
    static final class BruteForceCart {
        static double predict(PromptBatch b, int p, List<Integer> rows, double[] query, int maxDepth, int depth) {
            double mean = rows.stream().mapToDouble(i -> b.y(p, i)).average().orElseThrow();
            boolean pure = rows.stream().allMatch(i -> b.y(p, i) == b.y(p, rows.get(0)));
            if (rows.size() < 2 || depth >= maxDepth || pure) {
                return mean;
            }
            int bestFeature = -1;
            double bestThreshold = 0;
            double bestSse = Double.POSITIVE_INFINITY;
            for (int f = 0; f < b.dims(); f++) {
                final int feature = f;
                double[] values = rows.stream().mapToDouble(i -> b.x(p, i, feature)).distinct().sorted().toArray();
                for (int v = 1; v < values.length; v++) {
                    double threshold = values[v - 1] / 2 + values[v] / 2;
                    double sse = sse(b, p, rows, feature, threshold, true) + sse(b, p, rows, feature, threshold, false);
                    if (sse < bestSse) {
                        bestSse = sse;
                        bestFeature = f;
                        bestThreshold = threshold;
                    }
                }
            }
            if (bestFeature < 0) {
                return mean;
            }
            final int f = bestFeature;
            final double t = bestThreshold;
            boolean left = query[f] <= t;
            List<Integer> side = rows.stream().filter(i -> (b.x(p, i, f) <= t) == left).toList();
            return predict(b, p, side, query, maxDepth, depth + 1);
        }

        private static double sse(PromptBatch b, int p, List<Integer> rows, int f, double t, boolean left) {
            double[] ys = rows.stream().filter(i -> (b.x(p, i, f) <= t) == left).mapToDouble(i -> b.y(p, i)).toArray();
            double mean = Arrays.stream(ys).average().orElse(0);
            return Arrays.stream(ys).map(y -> (y - mean) * (y - mean)).sum();
        }
    }
}
