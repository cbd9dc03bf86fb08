package org.iclab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.train.TrainingLog;

/**
 * {@code report.html}: one self-contained page per run, drawn from what the run directory holds (so it can be
 * written again after {@code iclab probe} or a resume): what was declared, the model's facts, the error at chosen k
 * with intervals, the figures of {@code plots/} inline as SVG, the probes' per-layer scores, the environment and
 * timing. No script, no external resource: it opens from disk in any browser. The page is a Mustache template
 * ({@code report.mustache}), which escapes every value but the figures.
 */
public final class RunReport {
    public static final String FILE = "report.html";
    private static final Mustache RUN = new DefaultMustacheFactory("org/iclab/report").compile("report.mustache");
    private static final Mustache SWEEP = new DefaultMustacheFactory("org/iclab/report").compile("sweep-report.mustache");
    /** An id's definition or a reference to one, up to where the name begins. */
    private static final Pattern ID_OR_REFERENCE = Pattern.compile("( id=\"|url\\(#|href=\"#)");
    /** The figures of measures taken during training (plots/<word>.png), shown with the training figures. */
    private static final java.util.Set<String> MEASURES = org.iclab.spec.Registry.get().words(org.iclab.spec.Kind.MEASURE).stream()
            .map(org.iclab.spec.Registry.Word::name).collect(java.util.stream.Collectors.toSet());

    private RunReport() {
    }

    /** Writes {@code report.html} into the run directory {@code root}, atomically. */
    public static void write(Path root) {
        try {
            AtomicFiles.write(root.resolve(FILE), render(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of " + root, e);
        }
    }

    static String render(Path root) throws IOException {
        RunDirectory dir = RunDirectory.existing(root);
        JsonNode spec = Json.MAPPER.readTree(root.resolve(RunDirectory.SPEC).toFile());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", spec.path("name").asText());
        page.put("directory", root.toAbsolutePath().normalize().toString());
        page.put("generated", Instant.now().toString());
        page.put("declared", declared(spec));
        page.put("spec", Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        List<Map<String, Object>> facts = facts(root.resolve(RunDirectory.MODEL_JSON));
        page.put("facts", facts);
        page.put("tables", errorTables(root.resolve(RunDirectory.EVAL_JSON), spec));
        List<TrainingLog> logs = dir.trainingLogs();
        page.put("training", training(logs, spec));
        Map<String, List<Map<String, Object>>> figures = figures(root.resolve(RunDirectory.PLOTS));
        page.put("errorFigures", figures.get("error"));
        page.put("trainingFigures", figures.get("training"));
        page.put("probeFigures", figures.get("probes"));
        List<Map<String, Object>> probes = probes(root.resolve(RunDirectory.PROBES_JSON));
        page.put("probes", probes);
        page.put("environment", rows(root.resolve(RunDirectory.ENV)));
        page.put("hasFacts", !facts.isEmpty());
        page.put("hasProbes", !probes.isEmpty());
        page.put("hasProbeSection", !probes.isEmpty() || !figures.get("probes").isEmpty());
        StringWriter out = new StringWriter();
        RUN.execute(out, page);
        return out.toString();
    }

    /** Each part of the spec as one line in the DSL's shape: {@code word(name: value, ...)}. */
    private static List<Map<String, Object>> declared(JsonNode spec) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("name") || e.getValue().isNull()) {
                continue;
            }
            rows.add(Map.of("key", e.getKey(), "value", render(e.getValue())));
        }
        return rows;
    }

    static String render(JsonNode node) {
        if (node.isObject()) {
            StringBuilder s = new StringBuilder(node.has("type") ? node.get("type").asText() : "");
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("type") && !f.getValue().isNull() && !(f.getValue().isContainerNode() && f.getValue().isEmpty())) {
                    parts.add(f.getKey() + ": " + render(f.getValue()));
                }
            });
            return s.append(node.has("type") ? "(" : "{").append(String.join(", ", parts)).append(node.has("type") ? ")" : "}").toString();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(render(n)));
            return "[" + String.join(", ", parts) + "]";
        }
        return node.isTextual() ? "'" + node.asText() + "'" : node.asText();
    }

    private static List<Map<String, Object>> facts(Path modelJson) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.isRegularFile(modelJson)) {
            return rows;
        }
        JsonNode facts = Json.MAPPER.readTree(modelJson.toFile());
        for (String key : List.of("architecture", "parameters", "positional", "reference_tokens", "flops_per_token", "flops_per_prompt", "loops")) {
            if (facts.has(key) && !facts.get(key).isNull()) {
                rows.add(Map.of("key", key, "value", facts.get(key).isNumber() && facts.get(key).asLong() >= 10_000
                        ? String.format(Locale.ROOT, "%,d", facts.get(key).asLong()) : render(facts.get(key))));
            }
        }
        return rows;
    }

    /**
     * Per strategy, every learner's error at a few k: 0 and 1, d/2, d and 2d where the task has dimensions, and the
     * last; each cell is the error and its bootstrap interval from eval.json.
     */
    private static List<Map<String, Object>> errorTables(Path evalJson, JsonNode spec) throws IOException {
        List<Map<String, Object>> tables = new ArrayList<>();
        if (!Files.isRegularFile(evalJson)) {
            return tables;
        }
        JsonNode rows = Json.MAPPER.readTree(evalJson.toFile());
        Map<String, Map<String, Map<Integer, JsonNode>>> byStrategy = new LinkedHashMap<>();
        int points = 0;
        for (JsonNode r : rows) {
            int k = r.get("k").asInt();
            points = Math.max(points, k + 1);
            byStrategy.computeIfAbsent(r.get("strategy").asText(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("learner").asText(), l -> new LinkedHashMap<>()).put(k, r);
        }
        int dims = spec.path("task").path("dims").asInt(0);
        TreeSet<Integer> ks = new TreeSet<>(List.of(0, 1, points - 1));
        if (dims > 0) {
            ks.addAll(List.of(dims / 2, dims, 2 * dims));
        } else {
            ks.add((points - 1) / 2);
        }
        int last = points;
        ks.removeIf(k -> k < 0 || k >= last);
        for (var s : byStrategy.entrySet()) {
            List<Map<String, Object>> learners = new ArrayList<>();
            for (var l : s.getValue().entrySet()) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int k : ks) {
                    JsonNode r = l.getValue().get(k);
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("k", k);
                    boolean defined = r != null && !r.get("error").isNull();
                    cell.put("error", defined ? String.format(Locale.ROOT, "%.4f", r.get("error").asDouble()) : "–");
                    cell.put("interval", defined ? interval(r.get("ci_low").asDouble(), r.get("ci_high").asDouble()) : "");
                    cells.add(cell);
                }
                learners.add(Map.of("learner", l.getKey(), "cells", cells));
            }
            tables.add(Map.of("strategy", s.getKey(), "ks", List.copyOf(ks), "learners", learners));
        }
        return tables;
    }

    /** One cell of the error table as text: the error and its interval, four decimals. */
    public static String cellText(double error, double low, double high) {
        return String.format(Locale.ROOT, "%.4f ", error) + interval(low, high);
    }

    private static String interval(double low, double high) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", low, high);
    }

    private static Map<String, Object> training(List<TrainingLog> logs, JsonNode spec) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (logs.isEmpty()) {
            return t;
        }
        TrainingLog last = logs.get(logs.size() - 1);
        double[] speeds = logs.stream().mapToDouble(TrainingLog::stepsPerSecond).sorted().toArray();
        t.put("steps", last.step());
        t.put("planned", spec.path("train").path("steps").asLong());
        t.put("loss", String.format(Locale.ROOT, "%.4g", last.loss()));
        t.put("speed", String.format(Locale.ROOT, "%.1f", speeds[speeds.length / 2]));
        t.put("seconds", String.format(Locale.ROOT, "%.1f", last.elapsedSeconds()));
        return t;
    }

    /** The SVG figures of {@code plots/}, grouped: error against k, training, probes. */
    private static Map<String, List<Map<String, Object>>> figures(Path plots) throws IOException {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        groups.put("error", new ArrayList<>());
        groups.put("training", new ArrayList<>());
        groups.put("probes", new ArrayList<>());
        if (!Files.isDirectory(plots)) {
            return groups;
        }
        List<Path> svgs;
        try (var list = Files.list(plots)) {
            svgs = list.filter(p -> p.getFileName().toString().endsWith(".svg")) // a figure before its log-scale twin
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString().replaceFirst("\\.svg$", ""))).toList();
        }
        int n = 0;
        for (Path svg : svgs) {
            String name = svg.getFileName().toString().replaceFirst("\\.svg$", "");
            String group = name.startsWith("error-") ? "error" : List.of("loss", "dynamics").contains(name) || MEASURES.contains(name) ? "training" : "probes";
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("svg", inline(Files.readString(svg, StandardCharsets.UTF_8), "f" + (n++) + "-"));
            f.put("png", RunDirectory.PLOTS + "/" + name + ".png");
            groups.get(group).add(f);
        }
        return groups;
    }

    /**
     * An SVG file as an element of the page: without its XML declaration, and with its ids (Batik's clip paths,
     * the same names in every figure) and the references to them prefixed, so that figures do not clip each other.
     */
    static String inline(String svg, String prefix) {
        // every id is defined and referred to inside the figure, so all of them take the prefix, in one pass
        return ID_OR_REFERENCE.matcher(svg.substring(svg.indexOf("<svg"))).replaceAll("$1" + Matcher.quoteReplacement(prefix));
    }

    /** The probes' per-layer summaries from probes.json, as rows. */
    private static List<Map<String, Object>> probes(Path probesJson) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!Files.isRegularFile(probesJson)) {
            return rows;
        }
        for (JsonNode l : Json.MAPPER.readTree(probesJson.toFile()).path("by_layer")) {
            rows.add(Map.of("probe", l.path("probe").asText(), "target", l.path("target").asText(), "layer", l.path("layer").asText(),
                    "score", l.path("mean_score").isNull() ? "–" : cellText(l.path("mean_score").asDouble(),
                            l.path("ci_low").asDouble(), l.path("ci_high").asDouble())));
        }
        return rows;
    }

    private static List<Map<String, Object>> rows(Path json) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (Files.isRegularFile(json)) {
            Json.MAPPER.readTree(json.toFile()).fields().forEachRemaining(f -> rows.add(Map.of("key", f.getKey(), "value",
                    f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString())));
        }
        return rows;
    }

    /**
     * The sweep's {@code report.html} in {@code folder}: its axes, the table of every point (as sweep.csv) and its
     * figures, inlined as PNG data so that the page stays one file.
     */
    public static void writeSweep(Path folder, String title, List<String> header, List<List<String>> rows, List<Path> figures) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", title);
        page.put("directory", folder.toAbsolutePath().normalize().toString());
        page.put("generated", Instant.now().toString());
        page.put("header", header);
        List<Map<String, Object>> table = new ArrayList<>();
        for (List<String> r : rows) {
            table.add(Map.of("cells", r));
        }
        page.put("rows", table);
        List<Map<String, Object>> images = new ArrayList<>();
        try {
            for (Path png : figures) {
                images.add(Map.of("name", png.getFileName().toString(),
                        "data", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(png))));
            }
            page.put("figures", images);
            StringWriter out = new StringWriter();
            SWEEP.execute(out, page);
            AtomicFiles.write(folder.resolve(FILE), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sweep report of " + folder, e);
        }
    }
}
