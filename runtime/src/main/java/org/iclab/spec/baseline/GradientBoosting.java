package org.iclab.spec.baseline;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Gradient-boosted trees (XGBoost) fitted on the k examples seen so far, with the defaults of XGBoost's
 * {@code XGBRegressor()} as Garg et al. call it: 100 rounds of depth-6 trees at learning rate 0.3 (the other
 * parameters are listed on the learner). Named {@code gradientBoosting} in results with the defaults, otherwise with
 * the settings that differ, e.g. {@code gradientBoosting(rounds=20;maxDepth=3)}.
 *
 * <pre>
 * Java:   Iclab.gradientBoosting()            Groovy:  gradientBoosting()
 *         Iclab.gradientBoosting(20, 3, 0.1)           gradientBoosting(rounds: 20, maxDepth: 3, learningRate: 0.1)
 * </pre>
 */
@Setting("Gradient-boosted trees (XGBoost, XGBRegressor's defaults) fitted on the examples seen so far.")
@Word("gradientBoosting")
public record GradientBoosting(@Setting(value = "Boosting rounds (trees).", range = "> 0") int rounds,
                               @Setting(value = "Depth of each tree.", range = "> 0") int maxDepth,
                               @Setting(value = "Shrinkage of each tree's contribution (XGBoost's eta).", range = "a finite number > 0") double learningRate)
        implements Baseline {
    public static final int DEFAULT_ROUNDS = 100;
    public static final int DEFAULT_MAX_DEPTH = 6;
    public static final double DEFAULT_LEARNING_RATE = 0.3;

    public GradientBoosting {
        Problems.in("evaluate.baselines.gradientBoosting")
                .require(rounds > 0, "rounds", "must be > 0", rounds)
                .require(maxDepth > 0, "maxDepth", "must be > 0", maxDepth)
                .require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", "must be a finite number > 0", learningRate)
                .throwIfAny();
    }

    public GradientBoosting() {
        this(DEFAULT_ROUNDS, DEFAULT_MAX_DEPTH, DEFAULT_LEARNING_RATE);
    }

    @Override
    public String learnerName() {
        return BaselineNames.of(this)
                .unlessDefault("rounds", rounds, DEFAULT_ROUNDS)
                .unlessDefault("maxDepth", maxDepth, DEFAULT_MAX_DEPTH)
                .unlessDefault("learningRate", learningRate, DEFAULT_LEARNING_RATE)
                .build();
    }
}
