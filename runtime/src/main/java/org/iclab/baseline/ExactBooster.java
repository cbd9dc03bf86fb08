package org.iclab.baseline;

import java.util.Arrays;

/**
 * Gradient-boosted regression trees for squared error, grown the way XGBoost's {@code exact} tree method (its ColMaker
 * updater, as in XGBoost 1.6.1, which Garg et al.'s environment pins and whose "auto" method picks exact on small data)
 * grows them on a small dense data set, with the arithmetic of its CPU code, for lambda 1, alpha 0, gamma 0,
 * min_child_weight 1 and no subsampling:
 * <ul>
 *   <li>predictions start at {@code baseScore} (1.6.1: 0.5; null: the labels' mean) and every tree's leaf is added in float;</li>
 *   <li>per round, gradients (prediction − y) in float, Hessians 1, summed in double;</li>
 *   <li>trees grow a depth at a time to {@code maxDepth}; at each node, feature by feature in increasing order, one
 *       backward pass over the node's rows by decreasing value (the only pass XGBoost runs on dense columns)
 *       accumulating the right side; where the value changes and both sides hold at least one row, the candidate's
 *       loss change float(double(float(G_L²/(H_L + 1)) + float(G_R²/(H_R + 1))) − float(G²/(H + 1))), at the
 *       threshold float((v + v_prev) / 2) (v_prev where that rounds to v); a candidate replaces the best only where
 *       strictly larger, so of equal ones the lower feature and the larger threshold stay; a node splits where its
 *       best change exceeds 1e-6, rows with x &lt; threshold going left;</li>
 *   <li>a node's own sums (its weight and the gain its children are measured against) are taken over its rows in row
 *       order; leaves η · float(−G / (H + 1)).</li>
 * </ul>
 * Written from 1.6.1's source; the tests check it against XGBoost4J 3.4.0 run with {@code tree_method=exact} and the same
 * base score. Where rows share a
 * value XGBoost's sort leaves their order unspecified, which can move a partial sum at double rounding.
 */
final class ExactBooster {
    private static final double LAMBDA = HistBooster.LAMBDA;
    private static final double MIN_CHILD_WEIGHT = HistBooster.MIN_CHILD_WEIGHT;
    private static final float RT_EPS = HistBooster.RT_EPS;

    private final int rounds;
    private final int maxDepth;
    private final float eta;
    /** The base score, or null for the labels' mean. */
    private final Double baseScore;

    ExactBooster(int rounds, int maxDepth, double eta, Double baseScore) {
        this.rounds = rounds;
        this.maxDepth = maxDepth;
        this.eta = (float) eta;
        this.baseScore = baseScore;
    }

    private static float gain(double g, double h) {
        return h <= 0 ? 0f : (float) (g * g / (h + LAMBDA));
    }

    /** XGBoost's CalcWeight: 0 below min_child_weight, else HistBooster's −G / (H + λ) in float. */
    private static float weight(double g, double h) {
        return h < MIN_CHILD_WEIGHT ? 0f : HistBooster.weight(g, h);
    }

    /** Fits on the n rows of x (row-major, d columns) and y, and predicts the row {@code query}. */
    double fitAndPredict(float[] x, float[] y, int n, int d, float[] query) {
        float base = HistBooster.base(baseScore, y, n);
        // each feature's rows by increasing value (stable: rows of equal value in row order)
        int[][] sorted = new int[d][];
        for (int f = 0; f < d; f++) {
            final int j = f;
            sorted[f] = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((a, b) -> x[a * d + j] < x[b * d + j] ? -1 : x[a * d + j] > x[b * d + j] ? 1 : 0)
                    .mapToInt(Integer::intValue).toArray();
        }
        float[] predictions = new float[n];
        Arrays.fill(predictions, base);
        float queryPrediction = base;
        float[] gradient = new float[n];
        int[] nodeOf = new int[n];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < n; i++) {
                gradient[i] = predictions[i] - y[i];
            }
            queryPrediction += grow(x, d, n, sorted, gradient, nodeOf, query, predictions);
        }
        return queryPrediction;
    }

    /** Grows one tree, adds its leaves to {@code predictions}, returns the query's leaf. */
    private float grow(float[] x, int d, int n, int[][] sorted, float[] gradient, int[] nodeOf, float[] query, float[] predictions) {
        Arrays.fill(nodeOf, 0);
        int nodes = 1;
        int queryNode = 0; // the query's node at this depth, -1 once it is in a leaf
        float queryLeaf = Float.NaN;
        for (int depth = 0; ; depth++) {
            // each node's sums over its rows in row order
            double[] g = new double[nodes];
            double[] h = new double[nodes];
            for (int i = 0; i < n; i++) {
                if (nodeOf[i] >= 0) {
                    g[nodeOf[i]] += gradient[i];
                    h[nodeOf[i]] += 1;
                }
            }
            float[] bestLoss = new float[nodes];
            int[] bestFeature = new int[nodes];
            float[] bestSplit = new float[nodes];
            Arrays.fill(bestFeature, -1);
            if (depth < maxDepth) {
                float[] rootGain = new float[nodes];
                for (int k = 0; k < nodes; k++) {
                    rootGain[k] = gain(g[k], h[k]);
                }
                double[] rightG = new double[nodes];
                double[] rightH = new double[nodes];
                float[] last = new float[nodes];
                for (int f = 0; f < d; f++) {
                    Arrays.fill(rightG, 0);
                    Arrays.fill(rightH, 0);
                    int[] order = sorted[f];
                    for (int r = n - 1; r >= 0; r--) {
                        int row = order[r];
                        int k = nodeOf[row];
                        if (k < 0) {
                            continue;
                        }
                        float v = x[row * d + f];
                        if (rightH[k] > 0 && v != last[k] && rightH[k] >= MIN_CHILD_WEIGHT) {
                            double leftG = g[k] - rightG[k];
                            double leftH = h[k] - rightH[k];
                            if (leftH >= MIN_CHILD_WEIGHT) {
                                float splitGain = gain(leftG, leftH) + gain(rightG[k], rightH[k]);
                                float loss = (float) ((double) splitGain - (double) rootGain[k]);
                                if (loss > bestLoss[k]) { // strictly: of equal ones the first (lower feature, larger threshold) stays
                                    float split = (v + last[k]) * 0.5f;
                                    bestLoss[k] = loss;
                                    bestFeature[k] = f;
                                    bestSplit[k] = split == v ? last[k] : split;
                                }
                            }
                        }
                        rightG[k] += gradient[row];
                        rightH[k] += 1;
                        last[k] = v;
                    }
                }
            }
            int next = 0;
            int[] child = new int[nodes];
            float[] leaf = new float[nodes];
            for (int k = 0; k < nodes; k++) {
                if (bestFeature[k] >= 0 && bestLoss[k] > RT_EPS) {
                    child[k] = next;
                    next += 2;
                } else {
                    child[k] = -1;
                    leaf[k] = eta * weight(g[k], h[k]);
                }
            }
            if (queryNode >= 0) {
                if (child[queryNode] < 0) {
                    queryLeaf = leaf[queryNode];
                    queryNode = -1;
                } else {
                    queryNode = child[queryNode] + (query[bestFeature[queryNode]] < bestSplit[queryNode] ? 0 : 1);
                }
            }
            for (int row = 0; row < n; row++) {
                int k = nodeOf[row];
                if (k < 0) {
                    continue;
                }
                if (child[k] < 0) {
                    predictions[row] += leaf[k];
                    nodeOf[row] = -1;
                } else {
                    nodeOf[row] = child[k] + (x[row * d + bestFeature[k]] < bestSplit[k] ? 0 : 1);
                }
            }
            if (next == 0) {
                return queryLeaf;
            }
            nodes = next;
        }
    }
}
