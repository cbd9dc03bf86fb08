package org.iclab.baseline;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.iclab.spec.GradientBoosting;
import org.iclab.task.PromptBatch;

/**
 * Gradient-boosted trees through XGBoost4J (the native library ships inside its jar; nothing is downloaded), one
 * booster per prompt and k fitted on the first k examples, as Garg et al.'s {@code xgb.XGBRegressor()}. The
 * parameters are XGBRegressor's defaults in XGBoost 3.4, written out so that an upgrade cannot change them silently:
 * objective reg:squarederror, {@code rounds} (100) rounds, eta = {@code learningRate} (0.3), max_depth
 * {@code maxDepth} (6), min_child_weight 1, gamma 0, lambda 1, alpha 0, subsample 1, colsample_by* 1,
 * tree_method hist with max_bin 256, base_score estimated from the labels (XGBoost's default since 2.0), seed 0.
 * (Garg et al. ran XGBoost 1.x, whose "auto" tree method picked "exact" on small data; hist with 256 bins sees every
 * one of at most 40 distinct values, but puts thresholds at the values rather than between them.) Each booster runs
 * on one thread (evaluation already runs prompts in parallel) and with verbosity 0, so XGBoost prints nothing.
 * With k = 0 the prediction is 0.
 */
final class GradientBoostingLearner implements Learner {
    private final int rounds;
    private final Map<String, Object> params;

    GradientBoostingLearner(GradientBoosting spec) {
        rounds = spec.rounds();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "reg:squarederror");
        p.put("eta", spec.learningRate());
        p.put("max_depth", spec.maxDepth());
        p.put("min_child_weight", 1);
        p.put("gamma", 0);
        p.put("lambda", 1);
        p.put("alpha", 0);
        p.put("subsample", 1);
        p.put("colsample_bytree", 1);
        p.put("colsample_bylevel", 1);
        p.put("colsample_bynode", 1);
        p.put("tree_method", "hist");
        p.put("max_bin", 256);
        p.put("seed", 0);
        p.put("nthread", 1);
        p.put("verbosity", 0);
        params = Collections.unmodifiableMap(p);
    }

    /** The parameters passed to XGBoost (besides the number of rounds). */
    Map<String, Object> params() {
        return params;
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
        DMatrix train = null;
        DMatrix test = null;
        Booster booster = null;
        try {
            train = new DMatrix(x, n, d, Float.NaN);
            train.setLabel(y);
            test = new DMatrix(query, 1, d, Float.NaN);
            booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
            return booster.predict(test)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to fit " + n + " examples: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (test != null) {
                test.dispose();
            }
            if (train != null) {
                train.dispose();
            }
        }
    }
}
