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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iclab.eval.EvaluationLog;
import org.iclab.train.TrainingLog;

/** metrics.jsonl: one JSON object a line, appended as training goes; read back by step. */
final class MetricsLog {
    private final Path file;

    MetricsLog(Path file) {
        this.file = file;
    }

    /** Appends one line, in a single write: a crash leaves whole lines (and at most one torn one at the end). */
    void append(String line) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    /** Deletes the file (a run killed before its first checkpoint starts again). */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Keeps the lines of steps up to {@code step} and drops the rest and a line torn by a kill, rewriting the file
     * atomically, so that each step appears once after a resume.
     */
    void keepUpTo(long step) {
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

    /** The training lines in step order, one per step (a resumed run logs again the steps it repeats; the later line wins). */
    List<TrainingLog> trainingLogs() {
        return metricLines(false, TrainingLog.class, TrainingLog::step);
    }

    /** The evaluations during training in step order, one per step (the later line wins). */
    List<EvaluationLog> evaluationLogs() {
        return metricLines(true, EvaluationLog.class, EvaluationLog::step);
    }

    /** The lines of one kind: evaluation lines have {@code mean_error}, training lines {@code loss}. */
    private <T> List<T> metricLines(boolean evaluations, Class<T> type, java.util.function.ToLongFunction<T> step) {
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
}
