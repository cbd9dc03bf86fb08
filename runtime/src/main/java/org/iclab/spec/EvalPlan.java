package org.iclab.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the trained model is evaluated: on {@code prompts} fixed prompts of {@code points} pairs, at every number of
 * in-context examples, against each baseline, with a bootstrap confidence interval.
 *
 * <pre>
 * Java:   e -&gt; e.prompts(1280).baselines(Iclab.leastSquares(), Iclab.nearestNeighbors(3), Iclab.averaging())
 * Groovy: evaluate { prompts 1280; baselines leastSquares(), nearestNeighbors(k: 3), averaging() }
 * </pre>
 */
public record EvalPlan(int prompts, int points, List<Baseline> baselines, Bootstrap bootstrap) {
    public EvalPlan {
        baselines = baselines == null ? null : List.copyOf(baselines);
        Problems problems = Problems.in("evaluate")
                .require(prompts > 0, "prompts", "must be > 0", prompts)
                .require(points > 0, "points", "must be > 0", points)
                .requirePresent(baselines, "baselines")
                .requirePresent(bootstrap, "bootstrap");
        if (baselines != null) {
            List<String> names = baselines.stream().map(Baseline::learnerName).toList();
            problems.require(names.stream().distinct().count() == names.size(), "baselines", "must not repeat a learner", names);
        }
        problems.throwIfAny();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable, single use. Defaults: 1280 prompts, the prompt's points, least squares, 3-NN and averaging, 1000 resamples at 90%. */
    public static final class Builder {
        private int prompts = 1280;
        private Integer points;
        private List<Baseline> baselines = List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging());
        private int resamples = 1000;
        private double confidence = 0.9;

        /** Number of evaluation prompts. */
        @Setting(value = "Number of evaluation prompts.", range = "> 0")
        public Builder prompts(int prompts) {
            this.prompts = prompts;
            return this;
        }

        /** Points per evaluation prompt (default: the prompt's points). */
        @Setting(value = "Points per evaluation prompt.", range = "> 0 and <= model.positions", defaults = "the prompt's points")
        public Builder points(int points) {
            this.points = points;
            return this;
        }

        /** The classical learners to compare with. */
        @Setting(value = "The classical learners the model is compared with.", range = "leastSquares, nearestNeighbors, averaging, ridge, lasso, greedyTree, gradientBoosting, gradientDescentNet, zero; each name at most once", example = "baselines leastSquares(), nearestNeighbors(k: 3), averaging()")
        public Builder baselines(Baseline... baselines) {
            this.baselines = new ArrayList<>(Arrays.asList(baselines));
            return this;
        }

        /** The classical learners to compare with. */
        @Setting(value = "The classical learners the model is compared with, as a list.", range = "leastSquares, nearestNeighbors, averaging, ridge, lasso, greedyTree, gradientBoosting, gradientDescentNet, zero; each name at most once")
        public Builder baselines(List<? extends Baseline> baselines) {
            this.baselines = new ArrayList<>(baselines);
            return this;
        }

        /** Bootstrap resamples for the confidence interval. */
        @Setting(value = "Bootstrap resamples for the confidence interval.", range = "> 0")
        public Builder resamples(int resamples) {
            this.resamples = resamples;
            return this;
        }

        /** Two-sided confidence level of the interval (0.9 gives the 5th and 95th percentiles). */
        @Setting(value = "Two-sided confidence level of the interval (0.9 gives the 5th and 95th percentiles).", range = "(0, 1)")
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public EvalPlan build(int promptPoints) {
            return new EvalPlan(prompts, points != null ? points : promptPoints, baselines, new Bootstrap(resamples, confidence));
        }
    }
}
