package org.iclab;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.iclab.probe.ProbeResults;
import org.iclab.io.Json;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.model.Model;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.task.Task;
import org.iclab.spec.TrainPlan;

/**
 * iclab's entry point. Import its members statically and declare an experiment:
 *
 * <pre>{@code
 * import static org.iclab.Iclab.*;
 *
 * RunResult r = experiment("lr-tiny").seed(7)
 *         .task(linearRegression(5)).prompt(interleaved(11)).model(gpt2("tiny"))
 *         .train(t -> t.steps(2000).optimizer(adam(1e-3)))
 *         .evaluate(e -> e.baselines(leastSquares(), nearestNeighbors(3), averaging()))
 *         .probes(p -> p.linear(weights()).readout().alignment(newton()))
 *         .run();
 * r.error("model", 10);
 * }</pre>
 *
 * The Groovy DSL offers the same names: {@code task linearRegression(dims: 5)}, {@code model gpt2('tiny')}, ...
 * The words' factories are declared by kind in {@link TaskWords}, {@link ModelWords}, {@link EvaluationWords} and
 * {@link ProbeWords}, which this class extends, so that they are all its static members; this class holds the run
 * lifecycle (declare, run, resume, load, probe).
 */
public final class Iclab extends ProbeWords {
    private Iclab() {
    }

    /** Starts declaring an experiment named {@code name}. */
    public static Declaration experiment(String name) {
        return new Declaration(Experiment.builder(name));
    }

    /**
     * Runs probes on a saved run: restores the model of {@code runDirectory} from its latest checkpoint and writes
     * probes.csv, probes.json and the probe figures there ({@code iclab probe RUN_DIR SCRIPT}).
     */
    public static ProbeResults probe(Path runDirectory, Consumer<ProbePlan.Builder> body) {
        ProbePlan.Builder b = ProbePlan.builder();
        body.accept(b);
        return probe(runDirectory, b.build(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads) {
        return probe(runDirectory, plan, threads, null);
    }

    /**
     * As {@link #probe(Path, ProbePlan, int)}; {@code xla} true reads the model through XLA, false through the executor,
     * null as the run was trained (its env.json; the executor where it does not say). See {@link RunOptions#xla}.
     */
    public static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads, Boolean xla) {
        return ExperimentRunner.probe(runDirectory, plan, threads, xla);
    }

    /** Compiles, trains, evaluates and writes a run directory under {@code runs/}. */
    public static RunResult run(Experiment experiment) {
        return run(experiment, RunOptions.defaults());
    }

    public static RunResult run(Experiment experiment, RunOptions options) {
        return ExperimentRunner.run(experiment, options);
    }

    /** Reads an experiment from a run's spec.json. */
    public static Experiment load(Path specJson) {
        return Json.readExperiment(specJson);
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint. */
    public static RunResult resume(Path runDirectory) {
        return resume(runDirectory, RunOptions.builder());
    }

    public static RunResult resume(Path runDirectory, RunOptions.Builder options) {
        Experiment experiment = load(runDirectory.resolve(org.iclab.report.RunDirectory.SPEC));
        return run(experiment, options.resume(runDirectory).build());
    }

    /** iclab's version. */
    public static String version() {
        return Version.of();
    }

    /** A fluent declaration: the experiment builder's settings plus {@link #run()}. */
    public static final class Declaration {
        private final Experiment.Builder builder;

        Declaration(Experiment.Builder builder) {
            this.builder = builder;
        }

        public Declaration seed(long seed) {
            builder.seed(seed);
            return this;
        }

        public Declaration task(Task task) {
            builder.task(task);
            return this;
        }

        public Declaration inputs(Inputs inputs) {
            builder.inputs(inputs);
            return this;
        }

        public Declaration prompt(Prompt prompt) {
            builder.prompt(prompt);
            return this;
        }

        public Declaration model(Model model) {
            builder.model(model);
            return this;
        }

        public Declaration train(Consumer<TrainPlan.Builder> body) {
            builder.train(body);
            return this;
        }

        public Declaration evaluate(Consumer<EvalPlan.Builder> body) {
            builder.evaluate(body);
            return this;
        }

        public Declaration probes(Consumer<ProbePlan.Builder> body) {
            builder.probes(body);
            return this;
        }

        /** Validates and returns the experiment without running it. */
        public Experiment build() {
            return builder.build();
        }

        public RunResult run() {
            return Iclab.run(build());
        }

        public RunResult run(RunOptions options) {
            return Iclab.run(build(), options);
        }
    }
}
