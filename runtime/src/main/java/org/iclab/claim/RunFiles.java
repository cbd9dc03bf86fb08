package org.iclab.claim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;

/**
 * The results of one seed, read from its run directories: {@code eval.json} (the error, its interval and the
 * columns beside them: accuracy, a token task's scores; the same rows as eval.csv, whose strategy labels may hold
 * commas), {@code metrics.jsonl} and {@code probes.csv}, each read once. A file that is missing (a run that failed or has not finished) fails the
 * reading that needs it, naming the file.
 */
public final class RunFiles extends CheckedResults {
    private final Map<String, Map<Map<String, String>, Path>> runs;
    private final Map<Path, Map<String, Map<String, String>>> evalCache = new ConcurrentHashMap<>();
    private final Map<Path, List<JsonNode>> metricsCache = new ConcurrentHashMap<>();
    private final Map<Path, List<Map<String, String>>> probesCache = new ConcurrentHashMap<>();

    /**
     * @param experiments the script's experiments by name
     * @param axes        each swept experiment's axes (path → values), seeds excluded
     * @param runs        each experiment's run directories at this seed, by sweep point (the empty point for a single run)
     */
    public RunFiles(Map<String, Experiment> experiments, Map<String, Map<String, List<String>>> axes,
                    Map<String, Map<Map<String, String>, Path>> runs) {
        super(experiments, axes);
        this.runs = Map.copyOf(runs);
    }

    /** The results of single runs: experiment name → run directory, each experiment read from its spec.json. */
    public static RunFiles of(Map<String, Path> dirs) {
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        Map<String, Map<Map<String, String>, Path>> runs = new LinkedHashMap<>();
        dirs.forEach((name, dir) -> {
            experiments.put(name, Json.readExperiment(dir.resolve("spec.json")));
            runs.put(name, Map.of(Map.of(), dir));
        });
        return new RunFiles(experiments, Map.of(), runs);
    }

    private Path dir(String experiment, Map<String, String> point) {
        Path dir = runs.getOrDefault(experiment, Map.of()).get(point);
        if (dir == null) {
            throw new IllegalStateException("no run of " + experiment + (point.isEmpty() ? "" : " at " + point));
        }
        return dir;
    }

    @Override
    public double eval(String experiment, Map<String, String> point, String column, String learner, String strategy, int k) {
        Map<String, String> at = checkEval(experiment, point, column, learner, strategy, k);
        Path file = dir(experiment, at).resolve("eval.json");
        Map<String, String> row = jsonRows(file).get(strategy + "\n" + learner + "\n" + k);
        if (row == null) {
            throw new IllegalStateException(file + " has no row for " + learner + " at k = " + k + " under " + strategy);
        }
        String v = row.get(column);
        if (v == null) {
            throw new IllegalStateException(file + " has no " + column + " for " + learner);
        }
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    @Override
    public double metric(String experiment, String key, long step) {
        checkSingle(experiment, "metric " + key);
        double value = Double.NaN;
        for (JsonNode row : withKey(experiment, key)) {
            if (row.get("step").asLong() <= step) {
                value = at(row, key).asDouble();
            }
        }
        if (Double.isNaN(value)) {
            throw new IllegalStateException(experiment + "'s metrics.jsonl logs no " + key + " at or before step " + step);
        }
        return value;
    }

    @Override
    public double[][] series(String experiment, String key) {
        checkSingle(experiment, "metric " + key);
        List<JsonNode> rows = withKey(experiment, key);
        double[][] xy = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            xy[0][i] = rows.get(i).get("step").asDouble();
            xy[1][i] = at(rows.get(i), key).asDouble();
        }
        return xy;
    }

    @Override
    public Long firstStep(String experiment, String key, double level, boolean below) {
        checkSingle(experiment, "metric " + key);
        for (JsonNode row : withKey(experiment, key)) {
            double v = at(row, key).asDouble();
            if (below ? v <= level : v >= level) {
                return row.get("step").asLong();
            }
        }
        throw new IllegalStateException(experiment + "'s " + key + " never comes " + (below ? "down to " : "up to ") + level);
    }

    @Override
    public long steepestStep(String experiment, String key, boolean rising) {
        checkSingle(experiment, "metric " + key);
        List<JsonNode> rows = withKey(experiment, key);
        if (rows.size() < 2) {
            throw new IllegalStateException(experiment + "'s metrics.jsonl logs " + key + " at fewer than two steps");
        }
        long best = rows.get(1).get("step").asLong();
        double steepest = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < rows.size(); i++) {
            double dv = at(rows.get(i), key).asDouble() - at(rows.get(i - 1), key).asDouble();
            double ds = rows.get(i).get("step").asLong() - rows.get(i - 1).get("step").asLong();
            double slope = (rising ? dv : -dv) / ds;
            if (slope > steepest) {
                steepest = slope;
                best = rows.get(i).get("step").asLong();
            }
        }
        return best;
    }

    @Override
    public double probe(String experiment, String probe, String target, Integer layer, Integer k) {
        checkSingle(experiment, "probe " + probe);
        Path file = dir(experiment, Map.of()).resolve("probes.csv");
        double sum = 0;
        int n = 0;
        List<String> seen = new ArrayList<>();
        for (Map<String, String> row : csv(file, probesCache)) {
            if (row.get("probe").equals(probe) && row.get("target").equals(target)) {
                if (!row.get("layer").isEmpty()) {
                    seen.add(row.get("layer"));
                }
                boolean atLayer = layer == null ? row.get("layer").isEmpty() : !row.get("layer").isEmpty() && Integer.parseInt(row.get("layer")) == layer;
                if (atLayer && (k == null || Integer.parseInt(row.get("k")) == k)) {
                    sum += Double.parseDouble(row.get("score"));
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalStateException(file + " has no " + probe + " probe of " + target + (layer == null ? " without a layer" : " at layer " + layer)
                    + (k == null ? "" : ", k = " + k) + (seen.isEmpty() ? "" : " (layers: " + String.join(", ", seen.stream().distinct().toList()) + ")"));
        }
        return sum / n;
    }

    private List<JsonNode> withKey(String experiment, String key) {
        Path file = dir(experiment, Map.of()).resolve("metrics.jsonl");
        List<JsonNode> rows = metricsCache.computeIfAbsent(file, RunFiles::jsonLines);
        List<JsonNode> with = rows.stream().filter(r -> r.has("step") && at(r, key).isNumber()).toList();
        if (with.isEmpty()) {
            throw new IllegalStateException(file + " logs no " + key);
        }
        return with;
    }

    /**
     * The value at {@code key} in a metrics line: a top-level key ({@code loss}), or a path into the evaluations
     * during training ({@code mean_error/standard}, {@code induction/standard/L1H1}, {@code error/standard/5}).
     */
    static JsonNode at(JsonNode row, String key) {
        JsonNode node = row;
        for (String part : key.split("/")) {
            node = node.isArray() && part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    private Map<String, Map<String, String>> jsonRows(Path file) {
        return evalCache.computeIfAbsent(file, f -> {
            JsonNode all;
            try {
                all = Json.MAPPER.readTree(String.join("\n", read(f)));
            } catch (IOException e) {
                throw new IllegalStateException(f + " is not JSON: " + e.getMessage());
            }
            Map<String, Map<String, String>> rows = new HashMap<>();
            for (JsonNode row : all) {
                Map<String, String> values = new LinkedHashMap<>();
                row.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
                rows.put(values.get("strategy") + "\n" + values.get("learner") + "\n" + values.get("k"), values);
            }
            return rows;
        });
    }

    private static List<Map<String, String>> csv(Path file, Map<Path, List<Map<String, String>>> cache) {
        return cache.computeIfAbsent(file, RunFiles::readCsv);
    }

    /** A CSV file whose fields hold no commas or quotes (as iclab writes probes.csv). */
    static List<Map<String, String>> readCsv(Path file) {
        List<String> lines = read(file);
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < fields.length ? fields[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<JsonNode> jsonLines(Path file) {
        List<JsonNode> rows = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                try {
                    rows.add(Json.MAPPER.readTree(lines.get(i)));
                } catch (IOException e) {
                    if (i < lines.size() - 1) { // a last line torn by a kill is left out, as the run's own log reader does
                        throw new IllegalStateException(file + " has a line that is not JSON: " + e.getMessage());
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no " + file + " (the run has not finished, or failed)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
