package org.iclab.spec;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.measure.Measure;
import org.iclab.spec.model.Model;
import org.iclab.spec.probe.TargetProbe;
import org.iclab.spec.probe.Probe;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.prompt.Tokens;
import org.iclab.spec.strategy.HalfSubspace;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A whole declared experiment: the function class, how inputs are sampled, the prompt layout, the architecture,
 * the training plan and the evaluation. Immutable and validated: settings that only make sense together (the
 * curriculum against the task's dims, the points against the model's positions) are checked here.
 *
 * <pre>
 * Java:
 *   Iclab.experiment("lr-tiny").seed(7).task(linearRegression(5)).prompt(interleaved(11)).model(gpt2("tiny"))
 *        .train(t -&gt; t.steps(2000).optimizer(adam(1e-3))).run();
 * Groovy:
 *   experiment('lr-tiny') { seed 7; task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2('tiny')
 *                           train { steps 2000; optimizer adam(lr: 1e-3) } }
 * </pre>
 */
public record Experiment(String name, long seed, Task task, Inputs inputs, Prompt prompt, Model model, TrainPlan train, EvalPlan evaluate,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ProbePlan probes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Experiment {
        prompt = Tokens.resolve(task, prompt);
        Problems problems = Problems.in("experiment")
                .require(name != null && NAME.matcher(name).matches(), "name",
                        "must be letters, digits, '.', '_' or '-' (it names the run directory)", name == null ? "missing" : "'" + name + "'")
                .requirePresent(task, "task")
                .requirePresent(inputs, "inputs")
                .requirePresent(prompt, "prompt")
                .requirePresent(model, "model")
                .requirePresent(train, "train")
                .requirePresent(evaluate, "evaluate");
        problems.throwIfAny();
        Curriculum c = train.curriculum();
        Problems.in("train.curriculum")
                .require(c.dims().end() <= task.dims(), "dims.end", "must be <= task.dims", c.dims().end() + " > " + task.dims())
                .require(c.points().end() <= prompt.points(), "points.end", "must be <= prompt.points", c.points().end() + " > " + prompt.points())
                .throwIfAny();
        Problems.in("experiment")
                .require(prompt.points() <= model.positions(), "prompt.points", "must be <= model.positions",
                        prompt.points() + " > " + model.positions())
                .require(evaluate.points() <= model.positions(), "evaluate.points", "must be <= model.positions",
                        evaluate.points() + " > " + model.positions())
                .throwIfAny();
        Problems architecture = Problems.in("experiment");
        boolean tokenTask = task instanceof TokenTask;
        architecture.require(tokenTask == prompt.readsTokens(), "prompt", tokenTask
                ? "must be tokens() for a token task (its prompts are token sequences)"
                : "must hold (x, y) pairs for a task of real-valued inputs (tokens() is for token tasks)", prompt.name());
        architecture.require(!tokenTask || TrainPlan.ALL.equals(train.lossAt()), "train.lossAt",
                "must be 'all' for a token task (every masked position is predicted)", train.lossAt());
        architecture.require(!tokenTask || train.pool().tasks() == 0 || ((TokenTask) task).hasLanguages(),
                "train.pool", "may only hold tasks for a token task with languages (markovChain, regularLanguage); "
                        + "a fixed set of sequences is pool prompts: N", train.pool());
        architecture.require(evaluate.agreement() == 0 || !tokenTask && task.objective() instanceof Objective.SquaredError
                        && evaluate.agreement() >= task.dims(), "evaluate.agreement",
                "needs a regression task (squared error, not tokens) and at least as many probe queries as its dims (" + task.dims() + ")",
                evaluate.agreement());
        for (Baseline b : evaluate.baselines()) {
            String cannot = b.cannotScore(task, train.pool());
            architecture.require(cannot == null, "evaluate.baselines", b.learnerName() + " " + cannot + " (task " + wordOf(task) + ")",
                    b.learnerName());
        }
        if (train.measures() != null) { // the defaults are taken where they can be; a declared measure must be
            for (Measure m : train.measures()) {
                String cannot = m.cannotMeasure(task);
                architecture.require(cannot == null, "train.measures", wordOf(m) + " " + cannot + " (task " + wordOf(task) + ")", wordOf(m));
            }
        }
        if (task instanceof TokenTask t && t.tokenWidth() > 0) { // scored at its last token alone: never cut
            architecture.require(c.points().start() == t.length() && c.points().end() == t.length() && evaluate.points() == t.length(),
                    "train.curriculum.points", "must stay at the task's length " + t.length() + ", as must evaluate.points (the query is the last token)",
                    c.points().start() + ".." + c.points().end() + ", evaluate.points " + evaluate.points());
        }
        architecture.require(!tokenTask || probes == null, "probes", "are not yet supported for token tasks", "declared");
        architecture.require(!tokenTask || evaluate.loops().isEmpty(), "evaluate.loops", "is not yet supported for token tasks",
                evaluate.loops());
        String offCube = task.cannotRead(inputs);
        architecture.require(offCube == null, "inputs", offCube, wordOf(inputs));
        String unreadable = model.cannotRead(prompt);
        architecture.require(unreadable == null, "prompt", unreadable, prompt.name());
        Schedule loops = c.loops();
        if (model.hasLoops()) {
            architecture.require(loops == null || loops.end() <= model.loops(), "train.curriculum.loops.end", "must be <= model.loops",
                    loops == null ? "" : loops.end() + " > " + model.loops());
        } else {
            architecture.require(loops == null || (loops.start() == 1 && loops.end() == 1), "train.curriculum.loops",
                    "is only for a looped model (" + model.name() + " has no loops)", loops == null ? "" : loops.start() + ".." + loops.end())
                    .require(evaluate.loops().isEmpty(), "evaluate.loops",
                            "is only for a looped model (" + model.name() + " has no loops)", evaluate.loops());
        }
        architecture.throwIfAny();
        Problems inputsAndStrategies = Problems.in("inputs");
        inputsAndStrategies.addAll(inputs.problemsWith(task));
        List<String> unaccepted = evaluate.strategies().stream().filter(s -> !task.accepts(s)).map(Strategy::label).toList();
        inputsAndStrategies.require(unaccepted.isEmpty(), "evaluate.strategies", "may not hold these strategies for task "
                + wordOf(task) + " (they change its inputs or labels in ways its class does not define)", unaccepted);
        for (Strategy s : evaluate.strategies()) {
            String cannot = s.cannotEvaluate(task);
            inputsAndStrategies.require(cannot == null, "evaluate.strategies", s.label() + " " + cannot + " (task " + wordOf(task) + ")", s.label());
            String unread = s.cannotRead(inputs);
            inputsAndStrategies.require(unread == null, "evaluate.strategies", s.label() + ": " + unread, wordOf(inputs));
        }
        if (!(inputs instanceof Gaussian)) {
            List<String> needGaussian = evaluate.strategies().stream()
                    .filter(Strategy::needsGaussianInputs).map(Strategy::label).toList();
            inputsAndStrategies.require(needGaussian.isEmpty(), "evaluate.strategies",
                    "may hold halfSubspace or skewedCovariance only with gaussian inputs (they change its covariance)", needGaussian);
        }
        inputsAndStrategies.throwIfAny();
        Problems.in("evaluate")
                .require(task.dims() >= 2 || evaluate.strategies().stream().noneMatch(s -> s instanceof HalfSubspace),
                        "strategies", "may hold halfSubspace only where task.dims >= 2 (it spans task.dims / 2 directions)",
                        "task.dims " + task.dims())
                .throwIfAny();
        if (probes != null) {
            validateProbes(task, model, evaluate.points(), probes);
        }
    }

    private static String wordOf(Object spec) {
        return Registry.get().wordOf(spec.getClass()).map(Registry.Word::name).orElse(spec.getClass().getSimpleName());
    }

    /** An experiment without probes. */
    public Experiment(String name, long seed, Task task, Inputs inputs, Prompt prompt, Model model, TrainPlan train, EvalPlan evaluate) {
        this(name, seed, task, inputs, prompt, model, train, evaluate, null);
    }

    /** The same experiment with {@code probes} (null: none) in place of its own. */
    public Experiment withProbes(ProbePlan probes) {
        return new Experiment(name, seed, task, inputs, prompt, model, train, evaluate, probes);
    }

    /** The same experiment evaluated by {@code plan}. */
    public Experiment withEvaluation(EvalPlan plan) {
        return new Experiment(name, seed, task, inputs, prompt, model, train, plan, probes);
    }

    /**
     * What the probes need of the rest of the experiment: layers the model has (checked here for the models whose
     * depth the spec knows; other models are checked when the probes run), positions inside the evaluation's
     * prompts, and a linear function class for {@code weights()}.
     */
    private static void validateProbes(Task task, Model model, int points, ProbePlan plan) {
        Problems problems = Problems.in("probes");
        Integer deepest = model.depth();
        for (Probe p : plan.probes()) {
            Layers layers = p.layers();
            if (deepest != null && layers != null && !layers.isAll()) {
                int max = layers.only().get(layers.only().size() - 1);
                problems.require(max <= deepest, "layers", "must be <= model.layers (" + deepest + "; 0 is the embedded input)", layers);
            }
            if (p instanceof TargetProbe l) {
                List<Integer> ks = l.position().resolve(points);
                problems.require(ks.isEmpty() || ks.get(ks.size() - 1) < points, "position",
                        "must be < evaluate.points (" + points + ")", l.position());
                problems.require(!ks.isEmpty(), "position", "must leave at least one k (evaluate.points is 1, and 'last' starts at k = 1)", l.position());
                String unprobed = l.target().cannotProbe(task);
                problems.require(unprobed == null, Extension.wordOf(l.getClass()) + ".target", unprobed, task.getClass().getSimpleName());
                problems.require(!l.target().needsWeights() || task.hasWeights(), Extension.wordOf(l.getClass()) + ".target",
                        "weights() needs a linear function class (linearRegression, sparseLinearRegression, noisyLinearRegression,"
                                + " linearClassification)", task.getClass().getSimpleName());
            }
        }
        problems.throwIfAny();
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this experiment's settings, for variants. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).seed(seed).task(task).inputs(inputs).prompt(prompt).model(model).train(train);
        b.evaluate = evaluate;
        b.probes = probes;
        return b;
    }

    /** Mutable, single use, not thread-safe. */
    public static final class Builder {
        private String name;
        private long seed;
        private Task task;
        private Inputs inputs;
        private Prompt prompt;
        private Model model;
        private TrainPlan trainPlan;
        private final TrainPlan.Builder train = TrainPlan.builder();
        private EvalPlan evaluate;
        private final EvalPlan.Builder evaluation = EvalPlan.builder();
        private ProbePlan probes;
        private ProbePlan.Builder probing;

        /** The experiment's name; it names the run directory. */
        @Setting(value = "The experiment's name; it names the run directory.", range = "letters, digits, '.', '_' or '-'", example = "experiment('lr-tiny') { ... }")
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Seeds model initialisation, training data and evaluation prompts (default 0). */
        @Setting("Seeds model initialisation, training data and evaluation prompts.")
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The function class, e.g. {@code linearRegression(dims: 5)}. */
        @Setting(value = "The function class each prompt's function is drawn from.", range = "a task: {words}", example = "task linearRegression(dims: 5)")
        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        /** How inputs are sampled (default: the task's, {@code gaussian()} for all but the Boolean tasks' {@code hypercube()}). */
        @Setting(value = "How the inputs x are sampled.", range = "an input sampler: {words}", defaults = "the task's: gaussian(), or hypercube() for a Boolean task",
                example = "inputs gaussian(covariance: 'skewed')")
        public Builder inputs(Inputs inputs) {
            this.inputs = inputs;
            return this;
        }

        /** The prompt layout, e.g. {@code interleaved(points: 11)}. */
        @Setting(value = "How (x, y) pairs are laid out as tokens, and how many pairs a training prompt holds; a token task's"
                + " prompt is tokens(), which it need not declare.", range = "a prompt format: {words}; points <= model.positions", example = "prompt interleaved(points: 11)")
        public Builder prompt(Prompt prompt) {
            this.prompt = prompt;
            return this;
        }

        /** The architecture, e.g. {@code gpt2('tiny')}. */
        @Setting(value = "The architecture that reads a prompt.", range = "a model: {words}", example = "model gpt2('tiny')")
        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        /** Training settings. */
        @Setting(value = "How the model is trained (a block; see describe train).", example = "train { steps 2000; batch 64 }")
        public Builder train(Consumer<TrainPlan.Builder> body) {
            this.trainPlan = null;
            body.accept(train);
            return this;
        }

        /** Training settings as a finished plan. */
        @Setting(value = "How the model is trained, as a finished plan.")
        public Builder train(TrainPlan plan) {
            this.trainPlan = plan;
            return this;
        }

        /** Evaluation settings. */
        @Setting(value = "How the trained model is evaluated (a block; see describe evaluate).", example = "evaluate { prompts 1280 }")
        public Builder evaluate(Consumer<EvalPlan.Builder> body) {
            this.evaluate = null;
            body.accept(evaluation);
            return this;
        }

        /** Evaluation probes, run after training; a second {@code probes} block adds to the first. */
        @Setting(value = "What is read from the trained model's hidden states, layer by layer (a block; see describe probes).",
                defaults = "none", example = "probes { linear(target: weights()); readout(); alignment(with: newton()) }")
        public Builder probes(Consumer<ProbePlan.Builder> body) {
            if (probing == null) {
                probing = ProbePlan.builder();
            }
            body.accept(probing);
            return this;
        }

        /** Validates and builds; every problem found is listed in one {@link SpecException}. */
        public Experiment build() {
            Prompt prompt = Tokens.resolve(task, this.prompt);
            Problems missing = Problems.in("experiment").requirePresent(task, "task").requirePresent(prompt, "prompt").requirePresent(model, "model");
            missing.throwIfAny();
            Problems.in("experiment").require(task instanceof TokenTask || !prompt.readsTokens(), "prompt",
                    "must hold (x, y) pairs for a task of real-valued inputs (tokens() is for token tasks)", prompt.name()).throwIfAny();
            TrainPlan t = trainPlan != null ? trainPlan : train.build(task.dims(), prompt.points());
            EvalPlan e = evaluate != null ? evaluate : evaluation.build(task, prompt.points());
            ProbePlan p = probing != null ? probing.build() : probes;
            return new Experiment(name, seed, task, inputs != null ? inputs : task.defaultInputs(), prompt, model, t, e, p);
        }
    }
}
