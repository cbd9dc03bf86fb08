package org.iclab.spec.baseline;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import java.util.List;
/**
 * Gradient-boosted trees (XGBoost) fitted on the k examples seen so far, with the defaults of XGBoost's
 * {@code XGBRegressor()} as Garg et al. call it: 100 rounds of depth-6 trees at learning rate 0.3 (the other
 * parameters are listed on the learner). By default XGBoost 3.4's: the hist method, the labels' mean as base score;
 * {@code method: 'exact', baseScore: 0.5} is XGBoost 1.6.1's, which Garg et al.'s environment pins (its "auto" method
 * is exact on small data). Named {@code gradientBoosting} in results with the defaults, otherwise with the settings
 * that differ, e.g. {@code gradientBoosting(rounds=20;maxDepth=3)}, {@code gradientBoosting(method=exact;baseScore=0.5)}.
 *
 * <pre>
 * Java:   Iclab.gradientBoosting()            Groovy:  gradientBoosting()
 *         Iclab.gradientBoosting(20, 3, 0.1)           gradientBoosting(rounds: 20, maxDepth: 3, learningRate: 0.1)
 *                                                      gradientBoosting(method: 'exact', baseScore: 0.5)
 * </pre>
 */
@Setting("Gradient-boosted trees (XGBoost, XGBRegressor's defaults) fitted on the examples seen so far.")
@Word("gradientBoosting")
public record GradientBoosting(@Setting(value = "Boosting rounds (trees).", range = "> 0") int rounds,
                               @Setting(value = "Depth of each tree.", range = "> 0") int maxDepth,
                               @Setting(value = "Shrinkage of each tree's contribution (XGBoost's eta).", range = "a finite number > 0") double learningRate,
                               @Setting(value = "XGBoost's tree method: 'hist' (3.4's default, 256 bins) or 'exact' (greedy over every "
                                       + "threshold, 1.6.1's choice on small data).", range = "hist, exact") String method,
                               @Setting(value = "The prediction every tree adds to: a number (1.6.1: 0.5), or none for the labels' "
                                       + "mean (XGBoost 2.0 and later).", range = "a finite number, or none", defaults = "the labels' mean")
                               Double baseScore)
        implements Baseline {
    public static final String HIST = "hist";
    public static final String EXACT = "exact";
    public static final int DEFAULT_ROUNDS = 100;
    public static final int DEFAULT_MAX_DEPTH = 6;
    public static final double DEFAULT_LEARNING_RATE = 0.3;

    public GradientBoosting {
        method = method == null ? HIST : method; // spec.json written before the setting existed has none
        Problems.in("evaluate.baselines.gradientBoosting")
                .require(List.of(HIST, EXACT).contains(method), "method", "must be 'hist' or 'exact'", "'" + method + "'")
                .require(baseScore == null || Double.isFinite(baseScore), "baseScore", "must be a finite number", baseScore)
                .require(rounds > 0, "rounds", "must be > 0", rounds)
                .require(maxDepth > 0, "maxDepth", "must be > 0", maxDepth)
                .require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", "must be a finite number > 0", learningRate)
                .throwIfAny();
    }

    public GradientBoosting() {
        this(DEFAULT_ROUNDS, DEFAULT_MAX_DEPTH, DEFAULT_LEARNING_RATE);
    }

    /** XGBoost 3.4's hist method with the labels' mean as base score. */
    public GradientBoosting(int rounds, int maxDepth, double learningRate) {
        this(rounds, maxDepth, learningRate, HIST, null);
    }

    @Override
    public String learnerName() {
        return BaselineNames.of(this)
                .unlessDefault("rounds", rounds, DEFAULT_ROUNDS)
                .unlessDefault("maxDepth", maxDepth, DEFAULT_MAX_DEPTH)
                .unlessDefault("learningRate", learningRate, DEFAULT_LEARNING_RATE)
                .unlessDefault("method", method, HIST)
                .unlessDefault("baseScore", baseScore, null)
                .build();
    }
}
