package org.iclab.report;

import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.probe.ProbeResults;
import org.iclab.probe.ProbeRow;
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
    public static final String EVAL_CSV = "eval.csv";
    public static final String EVAL_JSON = "eval.json";
    public static final String CHECKPOINT = "checkpoint";
    public static final String MODEL = "model";
    public static final String PLOTS = "plots";
    public static final String PROBES_CSV = "probes.csv";
    public static final String PROBES_JSON = "probes.json";
    public static final String ATTENTION_CSV = "attention.csv";
    /** A few evaluation prompts with the trained model's outputs, to check the exported model elsewhere. */
    public static final String EXAMPLES = "examples.json";

    private final Path root;
    /** The training event file, found or created at the first event. */
    private EventFile events;

    private RunDirectory(Path root) {
        this.root = root;
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
            Files.deleteIfExists(root.resolve(METRICS));
            for (Path events : EventFile.in(root)) {
                Files.delete(events);
            }
            events = null;
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
        appendMetrics(Json.line(log));
        appendEvent(log.step(), TensorBoard.values(log));
    }

    /** Appends an evaluation during training to metrics.jsonl, as one line, and to the TensorBoard file. */
    public void evaluated(EvaluationLog log) {
        appendMetrics(Json.line(log));
        appendEvent(log.step(), TensorBoard.values(log));
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
        appendMetrics(Json.line(line));
    }

    private void appendEvent(long step, List<EventFile.Value> values) {
        try {
            if (events == null) {
                List<Path> training = EventFile.in(root).stream().filter(p -> !TensorBoard.isFinal(p)).toList();
                events = training.isEmpty() ? EventFile.create(root, "") : EventFile.existing(training.get(training.size() - 1));
            }
            events.append(step, values);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the TensorBoard events in " + root, e);
        }
    }

    /**
     * The end of a run in TensorBoard, as one more event file written whole (and replaced whole when a run is
     * finished again): each learner's final error curve as scalars {@code error/<strategy>/<learner>} over k (the
     * step axis is k), and the figures of {@code plots/} as images at the last training step.
     */
    public void writeEventSummary(List<ErrorCurve> curves, long lastStep) {
        try {
            for (Path old : EventFile.in(root)) {
                if (TensorBoard.isFinal(old)) {
                    Files.delete(old);
                }
            }
            TensorBoard.writeSummary(root, curves, root.resolve(PLOTS), lastStep);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the TensorBoard summary of " + root, e);
        }
    }

    private void appendMetrics(String line) {
        try (Writer w = Files.newBufferedWriter(root.resolve(METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + root.resolve(METRICS), e);
        }
    }

    /**
     * eval.csv (tidy long form) and eval.json (the same rows). For classification tasks each eval.json row also
     * carries {@code accuracy} = 1 − error and its interval {@code accuracy_ci_low} = 1 − ci_high,
     * {@code accuracy_ci_high} = 1 − ci_low, and a token task's rows its {@code cross_entropy} and {@code perplexity};
     * eval.csv keeps its columns for every task.
     */
    public void writeEvaluation(Experiment experiment, List<ErrorCurve> curves) {
        boolean classification = experiment.task().objective().reportsAccuracy();
        StringBuilder csv = new StringBuilder("strategy,learner,k,error,ci_low,ci_high\n");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ErrorCurve c : curves) {
            for (int k = 0; k < c.points(); k++) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s%n", c.strategy(), c.learner(), k,
                        num(c.error()[k]), num(c.ciLow()[k]), num(c.ciHigh()[k])));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("strategy", c.strategy());
                row.put("learner", c.learner());
                row.put("k", k);
                // a token task's positions that no sequence scores have no error: null in JSON
                row.put("error", finite(c.error()[k]));
                row.put("ci_low", finite(c.ciLow()[k]));
                row.put("ci_high", finite(c.ciHigh()[k]));
                if (classification) {
                    row.put("accuracy", finite(1 - c.error()[k]));
                    row.put("accuracy_ci_low", finite(1 - c.ciHigh()[k]));
                    row.put("accuracy_ci_high", finite(1 - c.ciLow()[k]));
                }
                for (var measure : new java.util.TreeMap<>(c.beside()).entrySet()) {
                    row.put(measure.getKey(), finite(measure.getValue()[k])); // cross_entropy and perplexity of a token task
                }
                rows.add(row);
            }
        }
        try {
            AtomicFiles.write(root.resolve(EVAL_CSV), csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeFile(root.resolve(EVAL_JSON), rows);
    }

    /**
     * The probes' results: probes.csv (tidy rows {@code probe,target,layer,k,score,ci_low,ci_high}; layer empty for
     * the model's own error and the iterates' errors), probes.json (the same rows with each linear probe's cosine,
     * control scores and selectivity, then the per-layer summaries, the alignment matrices and best matches, the
     * chosen step sizes and the plan), attention.csv when attention maps were asked for, and the figures under
     * {@code plots/}. Each file is written atomically; figures last, so that a plotting failure costs no numbers.
     */
    public void writeProbes(Experiment experiment, ProbeResults results) {
        StringBuilder csv = new StringBuilder("probe,target,layer,k,score,ci_low,ci_high\n");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ProbeRow r : results.rows()) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s%n", r.probe(), r.target(), r.layer() == null ? "" : r.layer(),
                    r.k(), num(r.score()), num(r.ciLow()), num(r.ciHigh())));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("probe", r.probe());
            row.put("target", r.target());
            row.put("layer", r.layer());
            row.put("k", r.k());
            row.put("score", finite(r.score()));
            row.put("ci_low", finite(r.ciLow()));
            row.put("ci_high", finite(r.ciHigh()));
            if (r.cosine() != null) {
                row.put("cosine", finite(r.cosine()));
            }
            if (!r.controls().isEmpty()) {
                Map<String, Object> control = new LinkedHashMap<>();
                Map<String, Object> selectivity = new LinkedHashMap<>();
                r.controls().forEach((word, score) -> {
                    control.put(word, finite(score));
                    selectivity.put(word, finite(r.score() - score));
                });
                row.put("control", control);
                row.put("selectivity", selectivity);
            }
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fit_prompts", results.plan().prompts());
        json.put("held_out_prompts", results.plan().heldOut());
        json.put("points", results.points());
        json.put("layers", results.hiddenCount() - 1);
        json.put("seconds", results.seconds());
        json.put("rows", rows);
        List<Map<String, Object>> summaries = new java.util.ArrayList<>();
        for (ProbeResults.LayerScore l : results.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("probe", l.probe());
            m.put("target", l.target());
            m.put("layer", l.layer());
            m.put("mean_score", finite(l.score()));
            m.put("ci_low", finite(l.ciLow()));
            m.put("ci_high", finite(l.ciHigh()));
            m.put("k", l.ks());
            summaries.add(m);
        }
        json.put("by_layer", summaries);
        List<Map<String, Object>> alignments = new java.util.ArrayList<>();
        for (ProbeResults.Alignment a : results.alignments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", a.algorithm());
            m.put("layers", a.layers());
            m.put("iterates", a.iterates());
            List<List<Object>> matrix = new java.util.ArrayList<>();
            for (double[] row : a.similarity()) {
                List<Object> values = new java.util.ArrayList<>();
                for (double v : row) {
                    values.add(finite(v));
                }
                matrix.add(values);
            }
            m.put("similarity", matrix);
            List<Map<String, Object>> best = new java.util.ArrayList<>();
            for (int i = 0; i < a.layers().size(); i++) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("layer", a.layers().get(i));
                b.put("iterate", a.iterates().get(a.best()[i]));
                b.put("label", a.labels().get(a.best()[i]));
                b.put("similarity", finite(a.similarity()[i][a.best()[i]]));
                best.add(b);
            }
            m.put("best", best);
            alignments.add(m);
        }
        json.put("alignment", alignments);
        json.put("steps", results.steps());
        if (results.attention() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("prompts", results.attention().prompts());
            a.put("layers", results.attention().weights().size());
            a.put("heads", results.attention().heads());
            a.put("tokens", results.attention().tokens());
            a.put("file", ATTENTION_CSV);
            json.put("attention", a);
        }
        json.put("plan", results.plan());
        try {
            AtomicFiles.write(root.resolve(PROBES_CSV), csv.toString());
            if (results.attention() != null) {
                AtomicFiles.write(root.resolve(ATTENTION_CSV), attentionCsv(results.attention()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeFile(root.resolve(PROBES_JSON), json);
        try {
            ProbePlots.write(root.resolve(PLOTS), experiment, results);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the probe plots of " + root, e);
        }
    }

    /** prompt,layer,head,query,key,weight for every key at or before its query (the causal mask zeroes the rest). */
    private static String attentionCsv(ProbeResults.AttentionMaps maps) {
        StringBuilder csv = new StringBuilder("prompt,layer,head,query,key,weight\n");
        for (int p = 0; p < maps.prompts(); p++) {
            for (int l = 0; l < maps.weights().size(); l++) {
                for (int h = 0; h < maps.heads(); h++) {
                    for (int q = 0; q < maps.tokens(); q++) {
                        for (int k = 0; k <= q; k++) {
                            csv.append(p).append(',').append(l).append(',').append(h).append(',').append(q).append(',').append(k)
                                    .append(',').append(maps.at(l, p, h, q, k)).append('\n');
                        }
                    }
                }
            }
        }
        return csv.toString();
    }

    /** JSON has no NaN: a score that is not defined (targets that do not vary) is written as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
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
        return metricLines(false, TrainingLog.class, TrainingLog::step);
    }

    /**
     * Before a resumed run continues from the checkpoint of {@code step}: drops from metrics.jsonl and from the
     * TensorBoard event files every line and event logged after that step (the run logs those steps again) and a
     * line or record torn by a kill, rewriting each file atomically, so that each step appears once; the end-of-run
     * event file goes too (the run writes it again).
     */
    public void keepMetricsUpTo(long step) {
        try {
            for (Path events : EventFile.in(root)) {
                if (TensorBoard.isFinal(events)) {
                    Files.delete(events);
                } else {
                    EventFile.truncate(events, step);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite the TensorBoard events of " + root + " for the resumed run", e);
        }
        Path file = root.resolve(METRICS);
        if (!Files.exists(file)) {
            return;
        }
        try {
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode tree;
                try {
                    tree = Json.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    continue; // the last line, cut short when the run was killed
                }
                if (tree.has("step") && tree.get("step").asLong() <= step) {
                    kept.append(line).append('\n');
                }
            }
            AtomicFiles.write(file, kept.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + file + " for the resumed run", e);
        }
    }

    /** The evaluations during training in metrics.jsonl, in step order, one per step (the later line wins). */
    public List<EvaluationLog> evaluationLogs() {
        return metricLines(true, EvaluationLog.class, EvaluationLog::step);
    }

    /** The lines of one kind: evaluation lines have {@code mean_error}, training lines {@code loss}. */
    private <T> List<T> metricLines(boolean evaluations, Class<T> type, java.util.function.ToLongFunction<T> step) {
        Path file = root.resolve(METRICS);
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<Long, T> byStep = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    var tree = Json.MAPPER.readTree(lines.get(i));
                    if (tree.has("rollback") || tree.has("mean_error") != evaluations) {
                        continue;
                    }
                    T line = Json.MAPPER.treeToValue(tree, type);
                    byStep.put(step.applyAsLong(line), line);
                } catch (JsonProcessingException e) {
                    if (i == lines.size() - 1) {
                        continue; // the last line, cut short by a kill: a resume drops it, a reader skips it
                    }
                    throw new IOException(file + ":" + (i + 1) + ": not a line of metrics.jsonl (" + e.getOriginalMessage() + ")", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return List.copyOf(byStep.values());
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
