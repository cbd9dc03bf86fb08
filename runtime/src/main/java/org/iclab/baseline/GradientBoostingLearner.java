package org.iclab.baseline;

import java.util.Arrays;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.task.PromptBatch;

/**
 * Gradient-boosted trees as Garg et al.'s {@code xgb.XGBRegressor()}, one booster per prompt and k fitted on the first
 * k examples, with XGBRegressor's defaults in XGBoost 3.4: objective reg:squarederror, {@code rounds} (100) rounds,
 * eta = {@code learningRate} (0.3), max_depth {@code maxDepth} (6), min_child_weight 1, gamma 0, lambda 1, alpha 0,
 * no subsampling, tree_method hist with max_bin 256, base_score estimated from the labels (XGBoost's default since
 * 2.0). (Garg et al. ran XGBoost 1.x, whose "auto" tree method picked "exact" on small data; hist with 256 bins sees
 * every one of at most 40 distinct values, but puts thresholds at the values rather than between them.)
 *
 * <p>The fit is {@link HistBooster}, which reproduces XGBoost's hist algorithm and arithmetic for these settings; the
 * tests check it against XGBoost4J 3.4 itself. With {@code method: 'exact'} it is {@link ExactBooster}, XGBoost's
 * exact greedy method (1.6.1's on small data), and a declared {@code baseScore} replaces the labels' mean. XGBoost's fixed cost per call (over 7 ms for 100 trees on 40 rows)
 * made this baseline the slowest by far. With k = 0 the prediction is 0.
 */
final class GradientBoostingLearner implements Learner {
    private final HistBooster booster;
    private final ExactBooster exact;

    GradientBoostingLearner(GradientBoosting spec) {
        boolean isExact = GradientBoosting.EXACT.equals(spec.method());
        booster = isExact ? null : new HistBooster(spec.rounds(), spec.maxDepth(), spec.learningRate(), spec.baseScore());
        exact = isExact ? new ExactBooster(spec.rounds(), spec.maxDepth(), spec.learningRate(), spec.baseScore()) : null;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        if (k == 0) {
            return 0;
        }
        int d = batch.dims();
        int base = prompt * batch.points();
        float[] x = Arrays.copyOfRange(batch.xs(), base * d, (base + k) * d);
        float[] y = Arrays.copyOfRange(batch.ys(), base, base + k);
        float[] query = Arrays.copyOfRange(batch.xs(), (base + k) * d, (base + k + 1) * d);
        return fitAndPredict(x, y, k, d, query);
    }

    /** Fits a booster on the n rows of x (row-major, d columns) and y, and predicts the one row {@code query}. */
    double fitAndPredict(float[] x, float[] y, int n, int d, float[] query) {
        return exact != null ? exact.fitAndPredict(x, y, n, d, query) : booster.fitAndPredict(x, y, n, d, query);
    }
}
