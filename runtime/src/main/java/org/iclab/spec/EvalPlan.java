package org.iclab.spec;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the trained model is evaluated: on {@code prompts} fixed prompts of {@code points} pairs per strategy, at
 * every number of in-context examples, against each baseline, with a bootstrap confidence interval.
 *
 * <pre>
 * Java:   e -&gt; e.prompts(1280).baselines(Iclab.leastSquares(), Iclab.nearestNeighbors(3), Iclab.averaging())
 *             .strategies(Iclab.standard(), Iclab.scaledX(2))
 * Groovy: evaluate { prompts 1280; baselines leastSquares(), nearestNeighbors(k: 3), averaging()
 *                    strategies standard(), scaledX(2) }
 * </pre>
 *
 * A spec.json written before strategies existed has none; it loads with the one strategy there was, standard.
 */
public record EvalPlan(int prompts, int points, List<Baseline> baselines, List<Strategy> strategies, Bootstrap bootstrap,
                       List<Integer> loops, Integer agreement) {
    /** The columns {@code agreement} adds beside each baseline's error in eval.json: SPD and ILWD with the model. */
    public static final List<String> AGREEMENT_COLUMNS = List.of("spd", "ilwd");

    public EvalPlan {
        agreement = agreement == null ? 0 : agreement; // spec.json written before agreement metrics has none
        baselines = baselines == null ? null : List.copyOf(baselines);
        loops = loops == null ? List.of() : List.copyOf(loops); // spec.json written before looped models has none
        strategies = strategies == null ? List.of(new Standard()) : List.copyOf(strategies);
        Problems problems = Problems.in("evaluate")
                .require(prompts > 0, "prompts", "must be > 0", prompts)
                .require(points > 0, "points", "must be > 0", points)
                .requirePresent(baselines, "baselines")
                .requirePresent(bootstrap, "bootstrap");
        if (baselines != null) {
            List<String> names = baselines.stream().map(Baseline::learnerName).toList();
            problems.require(names.stream().distinct().count() == names.size(), "baselines", "must not repeat a learner", names);
        }
        List<String> labels = strategies.stream().map(Strategy::label).toList();
        problems.require(!labels.isEmpty(), "strategies", "must name at least one strategy", labels)
                .require(labels.stream().distinct().count() == labels.size(), "strategies",
                        "must not repeat a strategy (labels must differ)", labels);
        problems.require(agreement >= 0, "agreement", "must be >= 0 (0: no agreement metrics)", agreement)
                .require(loops.stream().allMatch(l -> l != null && l > 0), "loops", "must all be > 0", loops)
                .require(loops.stream().distinct().count() == loops.size(), "loops", "must not repeat a count", loops);
        problems.throwIfAny();
    }

    /** A plan without agreement metrics. */
    public EvalPlan(int prompts, int points, List<Baseline> baselines, List<Strategy> strategies, Bootstrap bootstrap, List<Integer> loops) {
        this(prompts, points, baselines, strategies, bootstrap, loops, 0);
    }

    /** A plan without extra loop counts. */
    public EvalPlan(int prompts, int points, List<Baseline> baselines, List<Strategy> strategies, Bootstrap bootstrap) {
        this(prompts, points, baselines, strategies, bootstrap, List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mutable, single use. Defaults: 1280 prompts, the prompt's points, the task's baselines as Garg et al. chose them
     * ({@link #defaultBaselines}), the task's strategies (standard; a mixture adds each component), 1000 resamples at 90%.
     */
    public static final class Builder {
        private int prompts = 1280;
        private Integer points;
        private List<Baseline> baselines; // null: the task's defaults
        private List<Strategy> strategies; // null: the task's defaults
        private int resamples = 1000;
        private double confidence = 0.9;
        private List<Integer> loops = List.of();
        private int agreement;

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
        @Setting(value = "The classical learners the model is compared with.", defaults = "Garg et al.'s for the task: leastSquares, nearestNeighbors(3), averaging; + lasso(1 ... 1e-4) for sparseLinearRegression, + gradientDescentNet for reluNetwork, + greedyTree(4), greedyTree(unlimited), gradientBoosting for decisionTree; no leastSquares for linearClassification", range = "{words}; each name at most once", example = "baselines leastSquares(), nearestNeighbors(k: 3), averaging()")
        public Builder baselines(Baseline... baselines) {
            this.baselines = new ArrayList<>(Arrays.asList(baselines));
            return this;
        }

        /** The classical learners to compare with. */
        @Setting(value = "The classical learners the model is compared with, as a list.", range = "{words}; each name at most once")
        public Builder baselines(List<? extends Baseline> baselines) {
            this.baselines = new ArrayList<>(baselines);
            return this;
        }

        /** The evaluation strategies, each on prompts of its own; {@code all()} names Garg et al.'s whole set. */
        @Setting(value = "The evaluation strategies: which prompts the model and the baselines are scored on, each strategy"
                + " on prompts of its own.", range = "{words} (each label at most once), or all()", example = "strategies standard(), halfSubspace(), scaledX(2)")
        public Builder strategies(Strategy... strategies) {
            this.strategies = new ArrayList<>(Arrays.asList(strategies));
            return this;
        }

        /** The evaluation strategies, as a list ({@code strategies all()}). */
        @Setting(value = "The evaluation strategies, as a list.", range = "strategies; each label at most once",
                example = "strategies all()")
        public Builder strategies(List<? extends Strategy> strategies) {
            this.strategies = new ArrayList<>(strategies);
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

        /** Further loop counts to evaluate a looped model at, beyond the one it was trained to (extrapolation). */
        @Setting(value = "Further loop counts a looped model is evaluated at, beside model.loops (Yang et al.'s extrapolation); each gives a learner model@N.", range = "counts > 0; looped models only", defaults = "none", example = "loops 6, 24, 48")
        public Builder loops(int... loops) {
            this.loops = java.util.stream.IntStream.of(loops).boxed().toList();
            return this;
        }

        /**
         * Akyürek et al.'s agreement metrics between the model and each baseline, beside each baseline's error in
         * eval.json: {@code spd} and {@code ilwd}, the latter from {@code queries} probe queries (0: none).
         */
        @Setting(value = "Akyürek et al.'s agreement of the model with each baseline, beside its error in eval.json: spd, the squared "
                + "prediction difference, and ilwd, the implicit linear weight difference, each learner's weights fitted to its "
                + "predictions at this many probe queries x ~ N(0, I) after the same context (regression tasks, standard prompts).",
                range = "0 (none), or at least the task's dims", defaults = "0", example = "agreement 20")
        public Builder agreement(int queries) {
            this.agreement = queries;
            return this;
        }

        /** Builds for a task (whose default baselines apply when none were declared) and the prompt's points. */
        public EvalPlan build(Task task, int promptPoints) {
            return new EvalPlan(prompts, points != null ? points : promptPoints, baselines != null ? baselines : defaultBaselines(task),
                    strategies != null ? strategies : task.defaultStrategies(), new Bootstrap(resamples, confidence), loops, agreement);
        }

        /** Builds with linear regression's default baselines when none were declared. */
        public EvalPlan build(int promptPoints) {
            return build(new LinearRegression(1), promptPoints);
        }
    }

    /**
     * The baselines Garg et al. compare each function class with ({@code get_relevant_baselines} in their
     * {@code src/models.py}): least squares, 3-NN and averaging everywhere, except classification (3-NN and
     * averaging); the Lasso over alpha 1 ... 1e-4 for sparse regression; the per-prompt ReLU net for ReLU networks;
     * greedy trees (depth 4 and unlimited) and gradient boosting for decision trees.
     */
    public static List<Baseline> defaultBaselines(Task task) {
        return task.defaultBaselines();
    }
}
