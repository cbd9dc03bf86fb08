package org.iclab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.engine.NativeLibraries;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.probe.Probes;
import org.iclab.report.RunDirectory;
import org.iclab.report.RunReport;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.train.Checkpoints;
import org.iclab.train.Trainer;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;

/**
 * The steps of a run, in order, over its {@link RunContext}: prepare (restore a checkpoint, or record env.json,
 * model.json and the representations of a fresh run), train, evaluate, export, figures, probe, report. Each step
 * writes its own files; a failure in a later one costs nothing an earlier one wrote (the figures come after the
 * model is saved, the probes after the figures, the report last).
 */
final class RunSteps {
    private RunSteps() {
    }

    /** One step of a run. */
    interface Step {
        void run(RunContext run);
    }

    /** The steps, in the order they run. */
    static final List<Step> ORDER = List.of(RunSteps::prepare, RunSteps::train, RunSteps::evaluate, RunSteps::export,
            RunSteps::figures, RunSteps::probe, RunSteps::report);

    /**
     * The measures of the evaluations during training, checked against the model. Then a resumed run restores its
     * latest checkpoint (and the learning-rate factor of rollbacks before it) and drops the metrics after it; a fresh
     * run (or one killed before its first checkpoint) starts from the declared parameters and records env.json,
     * model.json and representation.json.
     */
    static void prepare(RunContext run) {
        CompiledModel model = run.model;
        if (run.experiment.train().evaluateEvery() > 0) { // first: a declared measure this model cannot take fails before anything is written
            run.measures = new org.iclab.eval.Measures(run.experiment, model, Evaluator.duringTraining(run.experiment));
        }
        if (run.resuming() && run.checkpoints.latest().isPresent()) {
            var state = run.checkpoints.restoreLatest(model);
            run.firstStep = state.step() + 1;
            model.setLearningRateScale(state.lrScale()); // halved by rollbacks before the checkpoint
            run.dir.keepMetricsUpTo(run.firstStep - 1); // the steps after the checkpoint are trained and logged again
            return;
        }
        if (run.resuming()) { // killed before its first checkpoint: it starts again, in its folder
            run.dir.clearLogs();
        }
        if (run.experiment.train().from() != null) {
            startFrom(model, run.experiment, run.options.threads());
        }
        run.dir.writeEnv(environment(run.experiment, run.options, model)); // a resumed run keeps the env it started with
        Json.writeFile(run.dir.resolve(RunDirectory.MODEL_JSON), modelFacts(run.experiment, model));
        writeRepresentations(run.experiment, run.dir);
    }

    /** Trains from the first step, the run directory and the options' listeners listening. */
    static void train(RunContext run) {
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(run.dir);
        if (run.experiment.train().evaluateEvery() > 0) {
            listeners.add(duringTraining(run.experiment, run.model, run.measures, run.dir));
        }
        listeners.addAll(run.options.listeners());
        run.logs = new Trainer(run.model, run.checkpoints, listeners).train(run.firstStep);
    }

    /** The model and the baselines on every strategy's prompts, into eval.csv and eval.json. */
    static void evaluate(RunContext run) {
        Experiment experiment = run.experiment;
        CompiledModel model = run.model;
        run.evaluator = new Evaluator(experiment); // its prompts, drawn once, also give examples.json
        if (experiment.prompt().readsTokens()) {
            run.curves = run.evaluator.evaluateTokens(model::logits);
        } else {
            Map<String, java.util.function.Function<org.iclab.task.PromptBatch, float[]>> readings = new LinkedHashMap<>();
            readings.put(Evaluator.MODEL, model::predict);
            for (int loops : experiment.evaluate().loops()) {
                readings.put(Evaluator.MODEL + "@" + loops, batch -> model.predict(batch, loops));
            }
            run.curves = run.evaluator.evaluate(readings);
        }
        run.dir.writeEvaluation(experiment, run.curves);
    }

    /** The SavedModel, and examples.json: prompts it takes with what the trained model answers. */
    static void export(RunContext run) {
        exportModel(run.model, run.dir.resolve(RunDirectory.MODEL));
        Json.writeFile(run.dir.resolve(RunDirectory.EXAMPLES), examples(run.experiment, run.evaluator, run.model));
    }

    /** plots/ and the end-of-run TensorBoard summary: after the model is saved, so a plotting failure cannot cost it. */
    static void figures(RunContext run) {
        run.dir.writePlots(run.experiment, run.curves);
        run.dir.writeEventSummary(run.curves, run.experiment.train().steps());
    }

    /** The declared probes, after the model is saved: they read it, and may fail on their own. */
    static void probe(RunContext run) {
        if (run.experiment.probes() != null) {
            run.probes = Probes.run(run.model, run.experiment, run.experiment.probes());
            run.dir.writeProbes(run.experiment, run.probes);
        }
    }

    /** report.html, last: it shows what the run wrote. */
    static void report(RunContext run) {
        RunReport.write(run.dir.path());
    }

    /**
     * Sets {@code model}'s parameters to those of the run named by {@code train.from} (its latest checkpoint), each
     * where the name is the same and the parameter is not under {@code train.fresh}; the others keep their fresh
     * draw. A parameter of the same name but another size is an error: the runs' models do not fit together.
     */
    private static void startFrom(CompiledModel model, Experiment experiment, int threads) {
        Path source = Path.of(experiment.train().from());
        Checkpoints checkpoints = new Checkpoints(source.resolve(RunDirectory.CHECKPOINT));
        if (!Files.isRegularFile(source.resolve(RunDirectory.SPEC)) || checkpoints.latest().isEmpty()) {
            throw new SpecException("train", "from", "must be a run directory holding " + RunDirectory.SPEC + " and a checkpoint", source);
        }
        Map<String, float[]> trained;
        try (CompiledModel from = CompiledModel.compile(Json.readExperiment(source.resolve(RunDirectory.SPEC)), threads)) {
            checkpoints.restoreLatest(from);
            trained = from.parameterValues();
        }
        Map<String, float[]> fresh = model.parameterValues();
        Map<String, float[]> start = new LinkedHashMap<>();
        for (var e : fresh.entrySet()) {
            float[] value = trained.get(e.getKey());
            if (value == null || experiment.train().fresh().stream().anyMatch(e.getKey()::startsWith)) {
                continue;
            }
            if (value.length != e.getValue().length) {
                throw new SpecException("train", "from", "must hold parameters of the sizes this model has ("
                        + e.getKey() + ": " + value.length + " values there, " + e.getValue().length + " here)", source);
            }
            start.put(e.getKey(), value);
        }
        model.assign(start);
    }

    /** The Φ of a representation task (or of each representation in a mixture), as representation.json. */
    private static void writeRepresentations(Experiment experiment, RunDirectory dir) {
        List<org.iclab.spec.task.Task> tasks = experiment.task() instanceof org.iclab.spec.task.Mixture m ? m.components() : List.of(experiment.task());
        List<Map<String, Object>> phis = new ArrayList<>();
        for (org.iclab.spec.task.Task t : tasks) {
            if (t instanceof org.iclab.spec.task.Representation r) {
                var phi = org.iclab.task.RepresentationClass.phi(r);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("task", r);
                one.put("activation", phi.activation());
                one.put("weights", phi.weights()); // per layer [out, in]
                phis.add(one);
            }
        }
        if (!phis.isEmpty()) {
            Json.writeFile(dir.resolve(RunDirectory.REPRESENTATION), Map.of("representations", phis));
        }
    }

    /**
     * The short evaluations of {@code train.evaluateEvery}: the model alone, on every strategy, into metrics.jsonl,
     * with the measures of {@code train.measures} (by default the induction score where it can be taken) beside them.
     */
    private static TrainingListener duringTraining(Experiment experiment, CompiledModel model, org.iclab.eval.Measures measures,
                                                   RunDirectory dir) {
        Evaluator evaluator = measures.evaluator();
        return new TrainingListener() {
            @Override
            public void logged(TrainingLog log) {
            }

            @Override
            public void evaluationDue(long step) {
                List<ErrorCurve> curves = experiment.prompt().readsTokens() ? evaluator.evaluateTokens(model::logits)
                        : evaluator.evaluate(model::predict);
                dir.evaluated(org.iclab.eval.EvaluationLog.of(step, curves).withMeasures(measures.take(curves)));
            }
        };
    }

    /** Prompts per examples.json. */
    static final int EXAMPLES = 4;

    /**
     * The first few evaluation prompts of the first strategy, as the exported model's signature takes them, and what
     * the trained model answers: {@code samples/python/load_model.py} feeds them to the SavedModel elsewhere and
     * compares. Arrays are flat, row-major, with their shapes.
     */
    static Map<String, Object> examples(Experiment experiment, Evaluator evaluator, CompiledModel model) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signature", "serving_default");
        json.put("strategy", experiment.evaluate().strategies().get(0).label());
        float[] output;
        List<Integer> outputShape;
        if (experiment.prompt().readsTokens()) {
            var all = evaluator.tokenPrompts(experiment.evaluate().strategies().get(0));
            int n = Math.min(EXAMPLES, all.batch());
            var b = all.slice(0, n);
            if (b.vectors() != null) {
                inputs.put(CompiledModel.VECTORS, tensor(List.of(n, b.length(), b.width()), b.vectors()));
            } else {
                inputs.put(CompiledModel.IDS, tensor(List.of(n, b.length()), b.ids()));
            }
            output = model.logits(b);
            outputShape = List.of(n, b.length(), model.vocabulary());
        } else {
            var all = evaluator.prompts(experiment.evaluate().strategies().get(0)).prompts();
            int n = Math.min(EXAMPLES, all.batch());
            var b = all.slice(0, n);
            inputs.put(CompiledModel.XS, tensor(List.of(n, b.points(), b.dims()), b.xs()));
            inputs.put(CompiledModel.YS, tensor(List.of(n, b.points()), b.ys()));
            output = model.predict(b);
            outputShape = List.of(n, b.points());
        }
        json.put("inputs", inputs);
        json.put("outputs", Map.of(CompiledModel.PRED, tensor(outputShape, output)));
        return json;
    }

    private static Map<String, Object> tensor(List<Integer> shape, Object values) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("dtype", values instanceof int[] ? "int32" : "float32");
        t.put("shape", shape);
        t.put("values", values);
        return t;
    }

    private static void exportModel(CompiledModel model, Path target) {
        try {
            Path tmp = AtomicFiles.siblingTempDirectory(target);
            AtomicFiles.deleteTree(tmp); // the exporter creates the folder itself
            model.exportSavedModel(tmp);
            AtomicFiles.replaceDirectory(tmp, target, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not export the model to " + target, e);
        }
    }

    /** What the architecture costs, so that comparisons can be matched for compute (model.json). */
    static Map<String, Object> modelFacts(Experiment experiment, CompiledModel model) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("architecture", experiment.model().name());
        facts.put("model", experiment.model());
        facts.put("prompt", experiment.prompt().name());
        facts.put("positional", experiment.prompt().positionalFor(experiment.model()));
        facts.put("parameters", model.parameterCount());
        facts.put("parameter_names", model.parameterNames()); // what train.freeze and train.fresh name by prefix
        int points = experiment.train().curriculum().points().end();
        int tokens = experiment.prompt().tokens(points);
        facts.put("reference_tokens", tokens);
        facts.put("flops_per_token", model.flopsPerToken());
        facts.put("flops_per_prompt", model.flopsPerToken() * tokens);
        facts.put("loops", model.loops());
        facts.put("flops_note", "forward pass, 2 per multiply-add of every matrix product (element-wise ops not counted),"
                + " at the training prompt's final length (reference_tokens); a looped model counts its block once per loop");
        return facts;
    }

    private static Map<String, Object> environment(Experiment experiment, RunOptions options, CompiledModel model) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("iclab", Version.of());
        env.put("java", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("cpu", org.iclab.claim.Provenance.cpuModel());
        env.put("tensorflow", NativeLibraries.tensorflowVersion());
        env.put("tensorflow_native", NativeLibraries.NATIVE_VERSION);
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("host_cores", Runtime.getRuntime().availableProcessors());
        env.put("threads", options.threads());
        env.put("xla", model.usesXla());
        env.put("seed", experiment.seed());
        env.put("parameters", model.parameterCount());
        env.put("started", java.time.Instant.now().toString());
        return env;
    }
}
