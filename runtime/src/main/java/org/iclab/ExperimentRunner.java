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
import org.iclab.probe.ProbeResults;
import org.iclab.probe.Probes;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.report.RunReport;
import org.iclab.spec.Experiment;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.SpecException;
import org.iclab.train.Checkpoints;
import org.iclab.train.Trainer;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;

/** Compile → train → evaluate → export, writing the run directory as it goes. */
final class ExperimentRunner {
    private ExperimentRunner() {
    }

    static RunResult run(Experiment experiment, RunOptions options) {
        long start = System.nanoTime();
        RunDirectory dir;
        long firstStep = 1;
        boolean xla = options.xla();
        if (options.resume() != null) {
            dir = RunDirectory.existing(options.resume());
            Experiment recorded = Json.readExperiment(dir.resolve(RunDirectory.SPEC));
            if (!recorded.equals(experiment)) {
                throw new SpecException("run", "resume", "must continue the same experiment as its spec.json", options.resume());
            }
            xla = dir.recordedXla().orElse(xla); // the compiler the run started with: the same numbers after the resume
        } else {
            dir = options.out() != null ? RunDirectory.create(options.out())
                    : RunDirectory.createUnder(options.runsRoot(), experiment.name());
            dir.writeSpec(experiment);
        }
        try (CompiledModel model = CompiledModel.compile(experiment, options.threads(), xla)) {
            Checkpoints checkpoints = new Checkpoints(dir.resolve(RunDirectory.CHECKPOINT));
            boolean resumable = options.resume() != null && checkpoints.latest().isPresent();
            if (resumable) {
                var state = checkpoints.restoreLatest(model);
                firstStep = state.step() + 1;
                model.setLearningRateScale(state.lrScale()); // halved by rollbacks before the checkpoint
                dir.keepMetricsUpTo(firstStep - 1); // the steps after the checkpoint are trained and logged again
            } else {
                if (options.resume() != null) { // killed before its first checkpoint: it starts again, in its folder
                    dir.clearLogs();
                }
                if (experiment.train().from() != null) {
                    startFrom(model, experiment, options.threads());
                }
                dir.writeEnv(environment(experiment, options, model)); // a resumed run keeps the env it started with
                Json.writeFile(dir.resolve(RunDirectory.MODEL_JSON), modelFacts(experiment, model));
                writeRepresentations(experiment, dir);
            }
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(dir);
            if (experiment.train().evaluateEvery() > 0) {
                listeners.add(duringTraining(experiment, model, dir));
            }
            listeners.addAll(options.listeners());
            List<TrainingLog> logs = new Trainer(model, checkpoints, listeners).train(firstStep);
            List<ErrorCurve> curves;
            Evaluator evaluator = new Evaluator(experiment); // its prompts, drawn once, also give examples.json
            if (experiment.prompt().readsTokens()) {
                curves = evaluator.evaluateTokens(model::logits);
            } else {
                Map<String, java.util.function.Function<org.iclab.task.PromptBatch, float[]>> readings = new LinkedHashMap<>();
                readings.put(Evaluator.MODEL, model::predict);
                for (int loops : experiment.evaluate().loops()) {
                    readings.put(Evaluator.MODEL + "@" + loops, batch -> model.predict(batch, loops));
                }
                curves = evaluator.evaluate(readings);
            }
            dir.writeEvaluation(experiment, curves);
            exportModel(model, dir.resolve(RunDirectory.MODEL));
            Json.writeFile(dir.resolve(RunDirectory.EXAMPLES), examples(experiment, evaluator, model));
            dir.writePlots(experiment, curves); // a plotting failure must not cost the trained model
            dir.writeEventSummary(curves, experiment.train().steps());
            ProbeResults probes = null;
            if (experiment.probes() != null) { // after the model is saved: probes read it, and may fail on their own
                probes = Probes.run(model, experiment, experiment.probes());
                dir.writeProbes(experiment, probes);
            }
            RunReport.write(dir.path()); // last: it shows what the run wrote
            return new RunResult(experiment, dir.path(), logs, curves, model.parameterCount(), (System.nanoTime() - start) / 1e9, probes);
        }
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
        List<org.iclab.spec.Task> tasks = experiment.task() instanceof org.iclab.spec.Mixture m ? m.components() : List.of(experiment.task());
        List<Map<String, Object>> phis = new ArrayList<>();
        for (org.iclab.spec.Task t : tasks) {
            if (t instanceof org.iclab.spec.Representation r) {
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
    private static TrainingListener duringTraining(Experiment experiment, CompiledModel model, RunDirectory dir) {
        Evaluator evaluator = Evaluator.duringTraining(experiment);
        org.iclab.eval.Measures measures = new org.iclab.eval.Measures(experiment, model, evaluator);
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

    /**
     * Runs {@code plan} on the model of the finished (or interrupted) run in {@code runDirectory}, restored from its
     * latest checkpoint, and writes probes.csv, probes.json and the probe figures there. The run's spec.json stays as
     * it was: it records how the model was made, and the plan goes into probes.json.
     */
    static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads, Boolean xla) {
        if (!Files.isRegularFile(runDirectory.resolve(RunDirectory.SPEC))) {
            throw new SpecException("probe", "run", "must be a run directory holding " + RunDirectory.SPEC, runDirectory);
        }
        RunDirectory dir = RunDirectory.existing(runDirectory);
        Experiment probed = Json.readExperiment(dir.resolve(RunDirectory.SPEC)).withProbes(plan);
        Checkpoints checkpoints = new Checkpoints(dir.resolve(RunDirectory.CHECKPOINT));
        if (checkpoints.latest().isEmpty()) {
            throw new SpecException("probe", "run", "must hold a checkpoint (" + RunDirectory.CHECKPOINT + "/" + Checkpoints.LATEST
                    + ") to restore the model from", runDirectory);
        }
        boolean compiled = xla != null ? xla : dir.recordedXla().orElse(false); // as trained, unless asked otherwise
        try (CompiledModel model = CompiledModel.compile(probed, threads, compiled)) {
            checkpoints.restoreLatest(model);
            ProbeResults results = Probes.run(model, probed, plan);
            dir.writeProbes(probed, results);
            RunReport.write(dir.path());
            return results;
        }
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
        env.put("iclab", Iclab.version());
        env.put("java", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
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
