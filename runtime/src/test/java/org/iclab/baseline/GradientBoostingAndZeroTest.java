package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.spec.baseline.Zero;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

class GradientBoostingAndZeroTest {
    /** XGBoost4J's prediction for the query after fitting XGBRegressor()'s defaults (hist) on the n rows, on one thread. */
    private static double xgboost(float[] x, float[] y, int n, int d, float[] query, int rounds, int depth, double eta) throws Exception {
        return xgboost(x, y, n, d, query, rounds, depth, eta, "hist", null);
    }

    /** As above with a tree method and, where not null, a base score. */
    private static double xgboost(float[] x, float[] y, int n, int d, float[] query, int rounds, int depth, double eta, String method,
                                  Double baseScore) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("eta", eta);
        params.put("max_depth", depth);
        params.put("min_child_weight", 1);
        params.put("gamma", 0);
        params.put("lambda", 1);
        params.put("alpha", 0);
        params.put("subsample", 1);
        params.put("tree_method", method);
        if ("hist".equals(method)) {
            params.put("max_bin", 256);
        }
        if (baseScore != null) {
            params.put("base_score", baseScore);
        }
        params.put("seed", 0);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        DMatrix train = new DMatrix(x, n, d, Float.NaN);
        DMatrix test = new DMatrix(query, 1, d, Float.NaN);
        try {
            train.setLabel(y);
            Booster booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
            try {
                return booster.predict(test)[0][0];
            } finally {
                booster.dispose();
            }
        } finally {
            test.dispose();
            train.dispose();
        }
    }

    @Test
    void boostingPredictsWhatXgboostPredictsOnEveryPrefix() throws Exception {
        // Gaussian inputs at d = 20 with a linear target (Garg et al.'s workload), inputs rounded to one decimal (many
        // rows share a bin, and −0 meets 0), and a step with ties in the labels; every prefix k = 1..40, against
        // XGBoost4J 3.4 fitting the same rows with the same settings
        SplittableRandom rng = new SplittableRandom(7);
        double[] w = rng.doubles(20).map(v -> v - 0.5).toArray();
        List<PromptBatch> cases = List.of(
                Prompts.gaussian(41, 3, 41, 20, x -> IntStream.range(0, 20).mapToDouble(i -> w[i] * x[i]).sum()),
                rounded(Prompts.gaussian(42, 2, 41, 5, x -> x[0] - 2 * x[1] * x[2])),
                Prompts.gaussian(43, 2, 41, 3, x -> x[1] > 0.3 ? 2 : -1));
        int[][] settings = {{100, 6}, {20, 3}, {30, 1}};
        int compared = 0;
        double worst = 0;
        for (int c = 0; c < cases.size(); c++) {
            PromptBatch b = cases.get(c);
            int rounds = settings[c][0];
            int depth = settings[c][1];
            GradientBoostingLearner ours = (GradientBoostingLearner) Learner.of(new GradientBoosting(rounds, depth, 0.3));
            int d = b.dims();
            for (int p = 0; p < b.batch(); p++) {
                int base = p * b.points();
                for (int k = 1; k < b.points(); k++) {
                    float[] x = Arrays.copyOfRange(b.xs(), base * d, (base + k) * d);
                    float[] y = Arrays.copyOfRange(b.ys(), base, base + k);
                    float[] query = Arrays.copyOfRange(b.xs(), (base + k) * d, (base + k + 1) * d);
                    double expected = xgboost(x, y, k, d, query, rounds, depth, 0.3);
                    double actual = ours.fitAndPredict(x, y, k, d, query);
                    assertThat(actual).as("case %d prompt %d k %d", c, p, k).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
                    worst = Math.max(worst, Math.abs(actual - expected));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 40 + 2 * 40 + 2 * 40);
        System.out.printf("boosting against XGBoost4J: %d predictions, largest difference %.3g%n", compared, worst);
    }

    @Test
    void theExactMethodWithXgboost16sBaseScorePredictsWhatXgboostPredicts() throws Exception {
        // Garg et al.'s pinned XGBoost 1.6.1: tree_method exact (its "auto" on small data), base_score 0.5; checked against
        // XGBoost4J run with those settings on every prefix of Gaussian prompts (linear and decision-tree-like targets)
        SplittableRandom rng = new SplittableRandom(11);
        double[] w = rng.doubles(20).map(v -> v - 0.5).toArray();
        List<PromptBatch> cases = List.of(
                Prompts.gaussian(51, 2, 41, 20, x -> IntStream.range(0, 20).mapToDouble(i -> w[i] * x[i]).sum()),
                Prompts.gaussian(52, 2, 41, 5, x -> x[0] > 0 ? (x[2] > 0.5 ? 1.5 : -0.3) : x[1] - 2 * x[3]),
                Prompts.gaussian(53, 2, 41, 3, x -> x[1] > 0.3 ? 2 : -1));
        int[][] settings = {{100, 6}, {100, 6}, {30, 2}};
        int compared = 0;
        double worst = 0;
        for (int c = 0; c < cases.size(); c++) {
            PromptBatch b = cases.get(c);
            int rounds = settings[c][0];
            int depth = settings[c][1];
            for (Double base : new Double[] {0.5, null}) {
                GradientBoostingLearner ours = (GradientBoostingLearner) Learner.of(new GradientBoosting(rounds, depth, 0.3, GradientBoosting.EXACT, base));
                int d = b.dims();
                for (int p = 0; p < b.batch(); p++) {
                    int start = p * b.points();
                    for (int k = 1; k < b.points(); k++) {
                        float[] x = Arrays.copyOfRange(b.xs(), start * d, (start + k) * d);
                        float[] y = Arrays.copyOfRange(b.ys(), start, start + k);
                        float[] query = Arrays.copyOfRange(b.xs(), (start + k) * d, (start + k + 1) * d);
                        double expected = xgboost(x, y, k, d, query, rounds, depth, 0.3, "exact", base);
                        double actual = ours.fitAndPredict(x, y, k, d, query);
                        assertThat(actual).as("case %d base %s prompt %d k %d", c, base, p, k).isCloseTo(expected, within(1e-5 * (1 + Math.abs(expected))));
                        worst = Math.max(worst, Math.abs(actual - expected));
                        compared++;
                        if (base != null && p == 0) { // the hist method takes a declared base score too
                            double hist = xgboost(x, y, k, d, query, rounds, depth, 0.3, "hist", base);
                            assertThat(((GradientBoostingLearner) Learner.of(new GradientBoosting(rounds, depth, 0.3, GradientBoosting.HIST, base)))
                                    .fitAndPredict(x, y, k, d, query)).as("hist, case %d k %d", c, k).isCloseTo(hist, within(1e-5 * (1 + Math.abs(hist))));
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 2 * 2 * 40);
        assertThat(new GradientBoosting(100, 6, 0.3, GradientBoosting.EXACT, 0.5).learnerName()).isEqualTo("gradientBoosting(method=exact;baseScore=0.5)");
        System.out.printf("exact boosting against XGBoost4J: %d predictions, largest difference %.3g%n", compared, worst);
    }

    /** The prompts with every input rounded to one decimal. */
    private static PromptBatch rounded(PromptBatch b) {
        float[] xs = b.xs().clone();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.round(xs[i] * 10) / 10f;
        }
        return new PromptBatch(b.batch(), b.points(), b.dims(), xs, b.ys());
    }

    @Test
    void boostingFitsASeparableStepFunction() {
        PromptBatch b = Prompts.gaussian(31, 3, 41, 3, x -> x[1] > 0.3 ? 2 : -1);
        GradientBoostingLearner learner = (GradientBoostingLearner) Learner.of(new GradientBoosting());
        int d = b.dims();
        for (int p = 0; p < b.batch(); p++) {
            int base = p * b.points();
            int k = 40;
            float[] x = Arrays.copyOfRange(b.xs(), base * d, (base + k) * d);
            float[] y = Arrays.copyOfRange(b.ys(), base, base + k);
            for (int i = 0; i < k; i++) {
                // every training example is predicted: 100 rounds of shrunken Newton steps leave a residual of ~1e-6
                float[] query = Arrays.copyOfRange(x, i * d, (i + 1) * d);
                assertThat(learner.fitAndPredict(x, y, k, d, query)).as("prompt %d example %d", p, i).isCloseTo(y[i], within(1e-2));
            }
            // far from the step, new inputs too
            assertThat(learner.fitAndPredict(x, y, k, d, new float[] {0, 2.5f, 0})).isCloseTo(2, within(1e-2));
            assertThat(learner.fitAndPredict(x, y, k, d, new float[] {0, -2.5f, 0})).isCloseTo(-1, within(1e-2));
        }
    }

    @Test
    void boostingIsDeterministicAndStartsFromTheLabelsMean() {
        PromptBatch b = Prompts.gaussian(32, 3, 12, 4, x -> x[0] * x[1] - x[2]);
        Learner boosting = Learner.of(new GradientBoosting(20, 3, 0.3));
        double[][] serial = IntStream.range(0, b.batch()).mapToObj(p -> boosting.predictPrefixes(b, p)).toArray(double[][]::new);
        double[][] parallel = IntStream.range(0, b.batch()).parallel().mapToObj(p -> boosting.predictPrefixes(b, p)).toArray(double[][]::new);
        assertThat(parallel).isDeepEqualTo(serial);
        for (int p = 0; p < b.batch(); p++) {
            assertThat(serial[p][0]).isZero();
            // one example: base_score is estimated as its y and no split is possible
            assertThat(serial[p][1]).isCloseTo(b.y(p, 0), within(1e-5));
            assertThat(boosting.predictAt(b, p, 7)).isEqualTo(serial[p][7]);
        }
        // fewer rounds fit less: the training example's error shrinks with rounds
        GradientBoostingLearner few = (GradientBoostingLearner) Learner.of(new GradientBoosting(2, 3, 0.3));
        GradientBoostingLearner many = (GradientBoostingLearner) Learner.of(new GradientBoosting(50, 3, 0.3));
        float[] x = Arrays.copyOfRange(b.xs(), 0, 11 * 4);
        float[] y = Arrays.copyOfRange(b.ys(), 0, 11);
        float[] q = Arrays.copyOfRange(x, 0, 4);
        assertThat(Math.abs(many.fitAndPredict(x, y, 11, 4, q) - y[0])).isLessThan(Math.abs(few.fitAndPredict(x, y, 11, 4, q) - y[0]));
    }

    @Test
    void zeroPredictsZero() {
        PromptBatch b = Prompts.gaussian(33, 2, 5, 2, x -> 1 + x[0]);
        Learner zero = Learner.of(new Zero());
        assertThat(zero.predictPrefixes(b, 1)).containsExactly(0, 0, 0, 0, 0);
        assertThat(zero.predictAt(b, 0, 3)).isZero();
    }
}
