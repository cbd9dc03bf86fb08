package org.iclab.spec;

import org.iclab.spec.measure.Induction;
import org.iclab.spec.measure.Measure;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.optimizer.Optimizer;
import java.util.List;

import java.util.function.Consumer;

/**
 * How a model is trained: steps, batch, optimizer, curriculum, and how often to log and checkpoint.
 *
 * <pre>
 * Java:   t -&gt; t.steps(2000).batch(64).optimizer(Iclab.adam(1e-3)).curriculum(c -&gt; c.dims(5, 5).points(11, 11))
 * Groovy: train { steps 2000; batch 64; optimizer adam(lr: 1e-3); curriculum { dims 5, 5; points 11, 11 } }
 * </pre>
 */
public record TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery,
                        Pool pool, String lossAt, int evaluateEvery, Integer evaluatePrompts, String from, List<String> freeze,
                        List<String> fresh, String onDivergence, Integer rollbacks, List<Measure> measures) {
    public static final String ALL = "all";
    public static final String LAST = "last";
    /** On a non-finite loss: stop with an error. */
    public static final String STOP = "stop";
    /** On a non-finite loss: go back to the last checkpoint with half the learning rate, at most {@code rollbacks} times. */
    public static final String ROLLBACK = "rollback";
    public static final int DEFAULT_ROLLBACKS = 3;
    /** Prompts per strategy of an evaluation during training, unless declared. */
    public static final int DEFAULT_EVALUATE_PROMPTS = 256;

    public TrainPlan {
        pool = pool == null ? Pool.NONE : pool; // spec.json written before pools existed has none
        lossAt = lossAt == null ? ALL : lossAt;
        evaluatePrompts = evaluatePrompts == null ? DEFAULT_EVALUATE_PROMPTS : evaluatePrompts; // nor evaluations during training
        freeze = freeze == null ? List.of() : List.copyOf(freeze); // nor starts from other runs
        fresh = fresh == null ? List.of() : List.copyOf(fresh);
        onDivergence = onDivergence == null ? STOP : onDivergence; // nor divergence settings
        rollbacks = rollbacks == null ? DEFAULT_ROLLBACKS : rollbacks;
        measures = measures == null ? null : List.copyOf(measures); // null: the defaults, as spec.json written before measures has
        Problems.in("train")
                .require(steps > 0, "steps", "must be > 0", steps)
                .require(batch > 0, "batch", "must be > 0", batch)
                .requirePresent(optimizer, "optimizer")
                .requirePresent(curriculum, "curriculum")
                .require(checkpointEvery > 0, "checkpointEvery", "must be > 0", checkpointEvery)
                .require(logEvery > 0, "logEvery", "must be > 0", logEvery)
                .require(pool.prompts() == 0 || pool.prompts() >= batch, "pool.prompts",
                        "must be 0 (no limit) or at least the batch (" + batch + ")", pool.prompts())
                .require(List.of(ALL, LAST).contains(lossAt), "lossAt", "must be one of " + List.of(ALL, LAST), "'" + lossAt + "'")
                .require(evaluateEvery >= 0, "evaluateEvery", "must be >= 0 (0 = no evaluations during training)", evaluateEvery)
                .require(evaluatePrompts > 0, "evaluatePrompts", "must be > 0", evaluatePrompts)
                .require(from == null || !from.isBlank(), "from", "must name a run directory", "''")
                .require(fresh.isEmpty() || from != null, "fresh", "is only for a plan that starts from another run (from)", fresh)
                .require(freeze.stream().allMatch(f -> f != null && !f.isBlank()), "freeze", "must be parameter-name prefixes", freeze)
                .require(fresh.stream().allMatch(f -> f != null && !f.isBlank()), "fresh", "must be parameter-name prefixes", fresh)
                .require(List.of(STOP, ROLLBACK).contains(onDivergence), "onDivergence", "must be one of " + List.of(STOP, ROLLBACK),
                        "'" + onDivergence + "'")
                .require(rollbacks >= 1, "rollbacks", "must be >= 1 (the most times a run rolls back before it stops)", rollbacks)
                .require(measures == null || measures.isEmpty() || evaluateEvery > 0, "measures", "are taken at the evaluations during "
                        + "training: declare evaluateEvery > 0", measures)
                .require(measures == null || measures.stream().map(m -> m.getClass()).distinct().count() == measures.size(), "measures",
                        "must not repeat a measure", measures)
                .throwIfAny();
    }

    /** A plan that starts from fresh parameters and trains them all. */
    public TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery, Pool pool,
                     String lossAt, int evaluateEvery, Integer evaluatePrompts) {
        this(steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, evaluateEvery, evaluatePrompts, null, null, null);
    }

    /** A plan that stops at a non-finite loss. */
    public TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery, Pool pool,
                     String lossAt, int evaluateEvery, Integer evaluatePrompts, String from, List<String> freeze, List<String> fresh) {
        this(steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, evaluateEvery, evaluatePrompts, from, freeze, fresh,
                null, null, null);
    }

    /** The measures taken at each evaluation during training: those declared, else the defaults (the induction score where it can be taken). */
    public List<Measure> measuresOrDefaults() {
        return measures != null ? measures : List.of(new Induction());
    }

    /** Whether parameter {@code name} is frozen (it starts with a prefix in {@code freeze}). */
    public boolean frozen(String name) {
        return freeze.stream().anyMatch(name::startsWith);
    }

    /** A plan without evaluations during training. */
    public TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery, Pool pool, String lossAt) {
        this(steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, 0, null);
    }

    /** A plan without a pool. */
    public TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery) {
        this(steps, batch, optimizer, curriculum, checkpointEvery, logEvery, Pool.NONE, ALL);
    }

    /** A plan whose loss covers every position. */
    public TrainPlan(int steps, int batch, Optimizer optimizer, Curriculum curriculum, int checkpointEvery, int logEvery, Pool pool) {
        this(steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, ALL);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().steps(steps).batch(batch).optimizer(optimizer).checkpointEvery(checkpointEvery).logEvery(logEvery).pool(pool).lossAt(lossAt)
                .evaluateEvery(evaluateEvery).evaluatePrompts(evaluatePrompts).from(from).freeze(freeze).fresh(fresh)
                .onDivergence(onDivergence).rollbacks(rollbacks);
        b.measures = measures;
        b.curriculum.dims(curriculum.dims().start(), curriculum.dims().end(), curriculum.dims().by(), curriculum.dims().every());
        b.curriculum.points(curriculum.points().start(), curriculum.points().end(), curriculum.points().by(), curriculum.points().every());
        if (curriculum.loops() != null) {
            b.curriculum.loops(curriculum.loops().start(), curriculum.loops().end(), curriculum.loops().by(), curriculum.loops().every());
        }
        return b;
    }

    /** Mutable, single use, not thread-safe. Defaults: 1000 steps, batch 64, Adam lr 1e-4, log every 100, checkpoint every 1000. */
    public static final class Builder {
        private int steps = 1000;
        private int batch = 64;
        private Optimizer optimizer = new Adam(Adam.DEFAULT_LR);
        private final Curriculum.Builder curriculum = Curriculum.builder();
        private int checkpointEvery = 1000;
        private int logEvery = 100;
        private Pool pool = Pool.NONE;
        private String lossAt = ALL;
        private int evaluateEvery;
        private int evaluatePrompts = DEFAULT_EVALUATE_PROMPTS;
        private String from;
        private List<String> freeze = List.of();
        private List<Measure> measures;
        private List<String> fresh = List.of();
        private String onDivergence = STOP;
        private int rollbacks = DEFAULT_ROLLBACKS;

        /** Number of optimizer steps. */
        @Setting(value = "Number of optimizer steps.", range = "> 0")
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Prompts per step. */
        @Setting(value = "Prompts per step.", range = "> 0")
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /** The optimizer, e.g. {@code adam(lr: 1e-3)}. */
        @Setting(value = "How parameters are updated from gradients.", range = "an optimizer: {words}", example = "optimizer adam(lr: 1e-3)")
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** The curriculum over active dimensions and points per prompt. */
        @Setting(value = "Grows the active dimensions and the points per prompt during training (a block; see describe curriculum).", defaults = "dims and points fixed at the task's dims and the prompt's points", example = "curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, by: 2, every: 2000 }")
        public Builder curriculum(Consumer<Curriculum.Builder> body) {
            body.accept(curriculum);
            return this;
        }

        /** Steps between checkpoints (the last step is always checkpointed). */
        @Setting(value = "Steps between checkpoints; the last step is always checkpointed.", range = "> 0")
        public Builder checkpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        /** Steps between lines in metrics.jsonl. */
        @Setting(value = "Steps between progress lines and lines of metrics.jsonl.", range = "> 0")
        public Builder logEvery(int logEvery) {
            this.logEvery = logEvery;
            return this;
        }

        /** Restricts training to a finite pool of functions and/or prompts, e.g. {@code Pool.tasks(64)}. */
        @Setting(value = "Trains on a finite pool: M functions and/or N whole prompts (Garg et al.'s data study, Raventós et al.'s task diversity).", defaults = "no pool: every prompt fresh", example = "pool tasks: 64")
        public Builder pool(Pool pool) {
            this.pool = pool;
            return this;
        }

        /** Which positions the loss covers: all (every prefix, Garg et al.) or last (only the last query, von Oswald et al.). */
        @Setting(value = "Which predictions the loss averages: all (every prefix, Garg et al.) or last (the last query only, von Oswald et al.).", range = "all, last", defaults = "all")
        public Builder lossAt(String lossAt) {
            this.lossAt = lossAt;
            return this;
        }

        /** Steps between short evaluations of the model during training (0: none), written to metrics.jsonl. */
        @Setting(value = "Steps between short evaluations of the model during training, each on evaluatePrompts prompts of every "
                + "strategy, written to metrics.jsonl and drawn in plots/dynamics.png (also before the first step and at the last).",
                range = ">= 0 (0 = none)", defaults = "0", example = "evaluateEvery 500")
        public Builder evaluateEvery(int evaluateEvery) {
            this.evaluateEvery = evaluateEvery;
            return this;
        }

        /** Prompts per strategy of each evaluation during training. */
        @Setting(value = "Prompts per strategy of each evaluation during training (evaluateEvery).", range = "> 0", defaults = "256")
        public Builder evaluatePrompts(int evaluatePrompts) {
            this.evaluatePrompts = evaluatePrompts;
            return this;
        }

        /** Starts from the parameters of a finished run (its latest checkpoint), where names and shapes match. */
        @Setting(value = "A run directory whose latest checkpoint gives the starting parameters (each parameter of the same name "
                + "and shape; the rest start fresh). Guo et al.'s pasting.", defaults = "none: every parameter starts fresh",
                example = "from 'runs/guo2023-small-representation-20261130-101500'")
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** Parameters kept at their starting values: every parameter whose name starts with one of these prefixes. */
        @Setting(value = "Parameters that training leaves as they start (bit for bit): each a prefix of parameter names, as "
                + "model.json lists them (h2/ for GPT-2's third block, read_in/, read_out/, ln_f/).", defaults = "none",
                example = "freeze 'h1/', 'h2/', 'h3/', 'ln_f/', 'read_out/'")
        public Builder freeze(String... prefixes) {
            this.freeze = List.of(prefixes);
            return this;
        }

        /** As {@link #freeze(String...)}, from a list. */
        public Builder freeze(List<String> prefixes) {
            this.freeze = List.copyOf(prefixes);
            return this;
        }

        /** Parameters not taken from the run named by {@code from}: they start fresh. */
        @Setting(value = "Parameters that start fresh even though the run named by from has them: prefixes of parameter names.",
                defaults = "none", example = "fresh 'read_in/', 'h0/'")
        public Builder fresh(String... prefixes) {
            this.fresh = List.of(prefixes);
            return this;
        }

        /** As {@link #fresh(String...)}, from a list. */
        public Builder fresh(List<String> prefixes) {
            this.fresh = List.copyOf(prefixes);
            return this;
        }

        /** What a non-finite loss does: stop, or roll back to the last checkpoint with half the learning rate. */
        @Setting(value = "What a non-finite loss does: 'stop' (an error naming the step and the setting to change) or 'rollback' (back to "
                + "the last checkpoint with half the learning rate, recorded in metrics.jsonl, at most `rollbacks` times).",
                range = "stop, rollback", defaults = "stop", example = "onDivergence 'rollback'")
        public Builder onDivergence(String onDivergence) {
            this.onDivergence = onDivergence;
            return this;
        }

        /** The most rollbacks of {@code onDivergence 'rollback'} before the run stops. */
        @Setting(value = "The most times a run with onDivergence 'rollback' goes back and halves its learning rate before it stops.",
                range = ">= 1", defaults = "3", example = "rollbacks 5")
        public Builder rollbacks(int rollbacks) {
            this.rollbacks = rollbacks;
            return this;
        }

        /** Measures taken at each evaluation during training (evaluateEvery), instead of the defaults. */
        @Setting(value = "Measures of the model taken at each evaluation during training (evaluateEvery), written to metrics.jsonl, "
                + "TensorBoard and plots/<measure>.png.", defaults = "the induction score, on token tasks read by models with attention",
                example = "measures induction(), iclScore()")
        public Builder measures(Measure... measures) {
            this.measures = List.of(measures);
            return this;
        }

        /** As {@link #measures(Measure...)}, from a list. */
        public Builder measures(List<Measure> measures) {
            this.measures = measures == null ? null : List.copyOf(measures);
            return this;
        }

        /**
         * Builds with unset curriculum schedules fixed at the given task dims and prompt points; unset loops stay
         * unset, meaning the model's own loop count whatever model the plan ends up with.
         */
        public TrainPlan build(int taskDims, int promptPoints) {
            Schedule dims = curriculum.dims() != null ? curriculum.dims() : Schedule.fixed(taskDims);
            Schedule points = curriculum.points() != null ? curriculum.points() : Schedule.fixed(promptPoints);
            return new TrainPlan(steps, batch, optimizer, new Curriculum(dims, points, curriculum.loops()), checkpointEvery, logEvery, pool, lossAt,
                    evaluateEvery, evaluatePrompts, from, freeze, fresh, onDivergence, rollbacks, measures);
        }
    }
}
