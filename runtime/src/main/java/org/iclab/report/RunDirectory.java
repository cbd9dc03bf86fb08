package org.iclab.report;

import org.iclab.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.probe.ProbeResults;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;

/**
 * One run's folder. A new run never reuses a folder that holds anything: an explicit folder must be absent or
 * empty, and generated names ({@code <experiment>-<timestamp>}) get a numeric suffix when taken.
 */
public final class RunDirectory implements TrainingListener {
    public static final String SPEC = "spec.json";
    public static final String MODEL_JSON = "model.json";
    public static final String ENV = "env.json";
    public static final String METRICS = "metrics.jsonl";
    /** Φ of a representation task: its matrices, as drawn from its seed. */
    public static final String REPRESENTATION = "representation.json";
    public static final String EVAL_CSV = EvaluationFiles.CSV;
    public static final String EVAL_JSON = EvaluationFiles.JSON;
    public static final String CHECKPOINT = "checkpoint";
    public static final String MODEL = "model";
    public static final String PLOTS = "plots";
    public static final String PROBES_CSV = ProbeFiles.CSV;
    public static final String PROBES_JSON = ProbeFiles.JSON;
    public static final String ATTENTION_CSV = ProbeFiles.ATTENTION;
    /** A few evaluation prompts with the trained model's outputs, to check the exported model elsewhere. */
    public static final String EXAMPLES = "examples.json";

    private final Path root;
    private final MetricsLog metrics;
    private final TrainingEvents events;

    private RunDirectory(Path root) {
        this.root = root;
        this.metrics = new MetricsLog(root.resolve(METRICS));
        this.events = new TrainingEvents(root);
    }

    /** Creates {@code dir}, which must not exist or be empty (iclab never writes over a run). */
    public static RunDirectory create(Path dir) {
        try {
            if (Files.exists(dir)) {
                boolean empty;
                try (var list = Files.list(dir)) {
                    empty = list.findAny().isEmpty();
                }
                if (!empty) {
                    throw new SpecException("run", "out", "must be a new or empty folder (iclab never overwrites a run)", dir);
                }
            }
            Files.createDirectories(dir);
            return new RunDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the run directory " + dir, e);
        }
    }

    /** A new folder {@code <root>/<name>-<yyyyMMdd-HHmmss>[-n]}. */
    public static RunDirectory createUnder(Path runsRoot, String name) {
        String stem = name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            Files.createDirectories(runsRoot);
            for (int n = 1; ; n++) {
                Path dir = runsRoot.resolve(n == 1 ? stem : stem + "-" + n);
                try {
                    Files.createDirectory(dir);
                    return new RunDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a run directory under " + runsRoot, e);
        }
    }

    /** An existing run's folder, to resume it. */
    public static RunDirectory existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve(SPEC))) {
            throw new SpecException("run", "resume", "must name a run directory holding " + SPEC, dir);
        }
        return new RunDirectory(dir);
    }

    public Path path() {
        return root;
    }

    /** A run is complete once it is evaluated and its model exported (both written after training ends). */
    public static boolean isComplete(Path runDir) {
        return Files.isRegularFile(runDir.resolve(EVAL_JSON)) && Files.isDirectory(runDir.resolve(MODEL));
    }

    /**
     * Before a run killed ahead of its first checkpoint starts again in its own folder: deletes metrics.jsonl and the
     * TensorBoard event files, which hold only steps that are trained again.
     */
    public void clearLogs() {
        try {
            metrics.clear();
            events.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the logs of " + root + " to start the run again", e);
        }
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    public void writeSpec(Experiment experiment) {
        Json.writeFile(root.resolve(SPEC), experiment);
    }

    public void writeEnv(Map<String, Object> env) {
        Json.writeFile(root.resolve(ENV), env);
    }

    /** Whether the run was compiled with XLA, as its env.json says; empty where it does not say (or cannot be read). */
    public java.util.Optional<Boolean> recordedXla() {
        try {
            var xla = Json.MAPPER.readTree(root.resolve(ENV).toFile()).get("xla");
            return xla != null && xla.isBoolean() ? java.util.Optional.of(xla.booleanValue()) : java.util.Optional.empty();
        } catch (IOException unreadable) {
            return java.util.Optional.empty(); // env.json is written before training; a run killed earlier has none
        }
    }

    /**
     * Appends one line per log to metrics.jsonl and one event to the TensorBoard file; each is a single write, so a
     * crash leaves whole lines and records only (and at most one torn one at the end, dropped on resume).
     */
    @Override
    public void logged(TrainingLog log) {
        metrics.append(Json.line(log));
        events.append(log.step(), TensorBoard.values(log));
    }

    /** Appends an evaluation during training to metrics.jsonl, as one line, and to the TensorBoard file. */
    public void evaluated(EvaluationLog log) {
        metrics.append(Json.line(log));
        events.append(log.step(), TensorBoard.values(log));
    }

    /**
     * A rollback after divergence: the lines and events after the step it went back to are dropped (those steps are
     * trained again), and a line {@code {"step": ..., "rollback": {...}}} records it.
     */
    @Override
    public void rolledBack(org.iclab.train.Rollback rollback) {
        keepMetricsUpTo(rollback.step());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", rollback.step());
        line.put("rollback", rollback);
        metrics.append(Json.line(line));
    }

    /**
     * The end of a run in TensorBoard, as one more event file written whole (and replaced whole when a run is
     * finished again): each learner's final error curve as scalars {@code error/<strategy>/<learner>} over k (the
     * step axis is k), and the figures of {@code plots/} as images at the last training step.
     */
    public void writeEventSummary(List<ErrorCurve> curves, long lastStep) {
        events.writeSummary(curves, root.resolve(PLOTS), lastStep);
    }

    /**
     * eval.csv (tidy long form) and eval.json (the same rows). For classification tasks each eval.json row also
     * carries {@code accuracy} = 1 − error and its interval {@code accuracy_ci_low} = 1 − ci_high,
     * {@code accuracy_ci_high} = 1 − ci_low, and a token task's rows the scores its objective reports beside the error ({@code cross_entropy}, {@code perplexity}, ...);
     * eval.csv keeps its columns for every task.
     */
    public void writeEvaluation(Experiment experiment, List<ErrorCurve> curves) {
        EvaluationFiles.write(root, experiment, curves);
    }

    /**
     * The probes' results: probes.csv (tidy rows {@code probe,target,layer,k,score,ci_low,ci_high}; layer empty for
     * the model's own error and the iterates' errors), probes.json (the same rows with each linear probe's cosine,
     * control scores and selectivity, then the per-layer summaries, the alignment matrices and best matches, the
     * chosen step sizes and the plan), attention.csv when attention maps were asked for, and the figures under
     * {@code plots/}. Each file is written atomically; figures last, so that a plotting failure costs no numbers.
     */
    public void writeProbes(Experiment experiment, ProbeResults results) {
        ProbeFiles.write(root, root.resolve(PLOTS), experiment, results);
    }

    /**
     * The figures under {@code plots/} (drawn by {@code Plots}): error against k per strategy, linear and log, and the
     * training loss of the whole of metrics.jsonl, so that a resumed run's loss curve still starts at its first step.
     */
    public void writePlots(Experiment experiment, List<ErrorCurve> curves) {
        try {
            Plots.write(root.resolve(PLOTS), experiment, trainingLogs(), curves, evaluationLogs());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plots of " + root, e);
        }
    }

    /**
     * The training lines of metrics.jsonl in step order, one per step: a resumed run logs again the steps it repeats
     * after its last checkpoint, and the later line wins. Empty when nothing was logged.
     */
    public List<TrainingLog> trainingLogs() {
        return metrics.trainingLogs();
    }

    /**
     * Before a resumed run continues from the checkpoint of {@code step}: drops from metrics.jsonl and from the
     * TensorBoard event files every line and event logged after that step (the run logs those steps again) and a
     * line or record torn by a kill, rewriting each file atomically, so that each step appears once; the end-of-run
     * event file goes too (the run writes it again).
     */
    public void keepMetricsUpTo(long step) {
        events.keepUpTo(step);
        metrics.keepUpTo(step);
    }

    /** The evaluations during training in metrics.jsonl, in step order, one per step (the later line wins). */
    public List<EvaluationLog> evaluationLogs() {
        return metrics.evaluationLogs();
    }
}
