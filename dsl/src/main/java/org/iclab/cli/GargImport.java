package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Garg et al.'s training configurations (quinine YAML, as in their {@code src/conf/*.yaml}) as iclab scripts.
 * <p>
 * {@code inherit:} is followed as quinine does: each listed file (relative to the file that lists it, recursively) is
 * loaded in order and deep-merged, later files over earlier ones, and the file's own keys over all of them. Every
 * key of their schema is mapped or, where it only concerns their infrastructure ({@code wandb}, {@code out_dir},
 * {@code keep_every_steps}, {@code resume_id}, {@code test_run}), ignored with a note. Any other key, a missing
 * required one, or a value of the wrong type is an error naming the file, line and key. The evaluation block is the
 * one their {@code eval.py} uses for the task (its baselines, 1,280 prompts, every out-of-distribution strategy), as
 * iclab's {@code scripts/garg2022} presets have it.
 */
final class GargImport {
    /** The script, and what was left out and why. */
    record Result(String script, List<String> notes) {
    }

    /** A value with where it was written. */
    private record Entry(Object value, Path file, int line) {
    }

    private static final Set<String> TOP = Set.of("inherit", "model", "training", "wandb", "out_dir", "test_run");
    private static final Set<String> MODEL = Set.of("family", "n_dims", "n_positions", "n_embd", "n_layer", "n_head");
    private static final Set<String> TRAINING = Set.of("task", "task_kwargs", "num_tasks", "num_training_examples", "data", "batch_size",
            "learning_rate", "train_steps", "save_every_steps", "keep_every_steps", "resume_id", "curriculum");
    private static final Set<String> SCHEDULE = Set.of("start", "end", "inc", "interval");
    /** Each task's keyword arguments in their tasks.py, and the defaults there. */
    private static final Map<String, Map<String, Object>> TASK_KWARGS = Map.of(
            "linear_regression", Map.of("scale", 1.0),
            "sparse_linear_regression", Map.of("sparsity", 3L, "scale", 1.0),
            "linear_classification", Map.of("scale", 1.0),
            "relu_2nn_regression", Map.of("hidden_layer_size", 4L, "scale", 1.0),
            "decision_tree", Map.of("depth", 4L));

    private final Path config;
    private final List<String> notes = new ArrayList<>();

    private GargImport(Path config) {
        this.config = config;
    }

    /** Reads {@code config} (and what it inherits) and writes the script of experiment {@code name}. */
    static Result convert(Path config, String name) {
        GargImport g = new GargImport(config);
        Map<String, Entry> merged = g.load(config, new ArrayList<>());
        return new Result(g.script(merged, name), List.copyOf(g.notes));
    }

    /** The experiment name a config file gets unless one is given: its file name, underscores as dashes. */
    static String defaultName(Path config) {
        String file = config.getFileName().toString();
        return file.replaceFirst("\\.ya?ml$", "").replace('_', '-');
    }

    // ---- loading, with inherit ----

    private Map<String, Entry> load(Path file, List<Path> chain) {
        Path normal = file.toAbsolutePath().normalize();
        if (chain.contains(normal)) {
            throw new UserError(file + ": inherit: a cycle (" + String.join(" -> ", chain.stream().map(Path::toString).toList()) + " -> " + normal + ")");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (IOException e) {
            throw new UserError((chain.isEmpty() ? "" : chain.get(chain.size() - 1) + ": inherit: ") + "cannot read " + file + " (" + e + ")");
        } catch (YAMLException e) {
            throw new UserError(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof MappingNode)) {
            throw new UserError(file + ":" + line(root) + ": a configuration must be a mapping of keys");
        }
        Map<String, Entry> own = mapping((MappingNode) root, file);
        Map<String, Entry> merged = new LinkedHashMap<>();
        Entry inherit = own.remove("inherit");
        if (inherit != null) {
            List<Path> nextChain = new ArrayList<>(chain);
            nextChain.add(normal);
            List<?> parents = inherit.value() instanceof List<?> l ? l
                    : inherit.value() instanceof String one ? List.of(new Entry(one, file, inherit.line())) : null;
            if (parents == null) {
                throw new UserError(file + ":" + inherit.line() + ": inherit: must be a list of files, was " + describe(inherit.value()));
            }
            for (Object p : parents) {
                Entry parent = (Entry) p;
                if (!(parent.value() instanceof String path)) {
                    throw new UserError(file + ":" + parent.line() + ": inherit: must list file names, found " + describe(parent.value()));
                }
                merge(merged, load(normal.getParent().resolve(path), nextChain));
            }
        }
        merge(merged, own);
        return merged;
    }

    private static void merge(Map<String, Entry> into, Map<String, Entry> from) {
        for (var e : from.entrySet()) {
            Entry old = into.get(e.getKey());
            if (old != null && old.value() instanceof Map<?, ?> a && e.getValue().value() instanceof Map<?, ?> b) {
                @SuppressWarnings("unchecked")
                Map<String, Entry> both = new LinkedHashMap<>((Map<String, Entry>) a);
                @SuppressWarnings("unchecked")
                Map<String, Entry> over = (Map<String, Entry>) b;
                merge(both, over);
                into.put(e.getKey(), new Entry(both, e.getValue().file(), e.getValue().line()));
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    private Map<String, Entry> mapping(MappingNode node, Path file) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new UserError(file + ":" + line(t.getKeyNode()) + ": keys must be plain names");
            }
            map.put(key.getValue(), new Entry(value(t.getValueNode(), file), file, line(t.getKeyNode())));
        }
        return map;
    }

    private Object value(Node node, Path file) {
        if (node instanceof MappingNode m) {
            return mapping(m, file);
        }
        if (node instanceof SequenceNode s) {
            List<Entry> list = new ArrayList<>();
            for (Node item : s.getValue()) {
                list.add(new Entry(value(item, file), file, line(item)));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.INT)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(text.replace("_", ""));
            }
            if (tag.equals(Tag.BOOL)) {
                return Set.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT));
            }
        } catch (NumberFormatException e) {
            throw new UserError(file + ":" + line(node) + ": '" + text + "' is not a number iclab can read");
        }
        return text;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    // ---- mapping ----

    private String script(Map<String, Entry> top, String name) {
        check(top, TOP, "");
        Map<String, Entry> model = section(top, "model");
        Map<String, Entry> training = section(top, "training");
        check(model, MODEL, "model.");
        check(training, TRAINING, "training.");
        for (String ignored : List.of("wandb", "out_dir")) {
            if (top.containsKey(ignored)) {
                note(top.get(ignored), ignored, "ignored: iclab writes each run to its own directory (--out), with TensorBoard event files in it");
            }
        }
        if (top.containsKey("test_run")) {
            note(top.get("test_run"), "test_run", "ignored: it only turns off their saving and wandb logging");
        }
        if (training.containsKey("keep_every_steps")) {
            note(training.get("keep_every_steps"), "training.keep_every_steps",
                    "ignored: iclab keeps the latest and the last good checkpoint (checkpointEvery)");
        }
        if (training.containsKey("resume_id")) {
            note(training.get("resume_id"), "training.resume_id", "ignored: continue a run with ./iclab resume RUN_DIR");
        }

        String family = string(model, "model.", "family", null);
        long dims = integer(model, "model.", "n_dims", null);
        long positions = integer(model, "model.", "n_positions", null);
        long embed = integer(model, "model.", "n_embd", null);
        long layers = integer(model, "model.", "n_layer", null);
        long heads = integer(model, "model.", "n_head", null);
        String modelLine = switch (family) {
            case "gpt2" -> String.format(Locale.ROOT, "gpt2 { layers %d; heads %d; embed %d; positions %d }", layers, heads, embed, positions);
            case "lstm" -> {
                note(model.get("n_head"), "model.n_head", "ignored: an LSTM has no heads");
                yield String.format(Locale.ROOT, "lstm(layers: %d, hidden: %d)", layers, embed);
            }
            default -> throw error(model.get("family"), "model.family", "must be gpt2 or lstm, was '" + family + "'");
        };

        String task = string(training, "training.", "task", null);
        Map<String, Object> kwargs = kwargs(training, task);
        String data = string(training, "training.", "data", "gaussian");
        if (!data.equals("gaussian")) {
            throw error(training.get("data"), "training.data", "must be gaussian (their schema allows no other), was '" + data + "'");
        }
        long batch = integer(training, "training.", "batch_size", 64L);
        double lr = number(training, "training.", "learning_rate", 3e-4);
        long steps = integer(training, "training.", "train_steps", 1000L);
        long saveEvery = integer(training, "training.", "save_every_steps", 1000L);
        Map<String, Entry> curriculum = section(training, "curriculum", "training.");
        check(curriculum, Set.of("dims", "points"), "training.curriculum.");
        long[] dimsSchedule = schedule(curriculum, "dims");
        long[] pointsSchedule = schedule(curriculum, "points");
        Long tasks = optionalInteger(training, "training.", "num_tasks");
        Long examples = optionalInteger(training, "training.", "num_training_examples");

        StringBuilder s = new StringBuilder();
        s.append("// Imported by `iclab import garg` from ").append(config).append(" (Garg et al.'s configuration format).\n");
        for (String n : notes) {
            s.append("// ").append(n).append('\n');
        }
        s.append("// The evaluation is their eval.py's for ").append(task).append(": its baselines, 1280 prompts, every strategy.\n");
        s.append("experiment('").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("') {\n");
        s.append("    seed 0\n");
        s.append("    task ").append(taskLine(task, dims, kwargs)).append('\n');
        s.append("    inputs gaussian()\n");
        s.append("    prompt interleaved(points: ").append(pointsSchedule[1]).append(")\n");
        s.append("    model ").append(modelLine).append('\n');
        s.append("    train {\n");
        s.append("        steps ").append(steps).append('\n');
        s.append("        batch ").append(batch).append('\n');
        s.append("        optimizer adam(lr: ").append(Double.toString(lr)).append(")\n");
        s.append("        curriculum { ").append(scheduleLine("dims", dimsSchedule)).append("; ").append(scheduleLine("points", pointsSchedule)).append(" }\n");
        s.append("        checkpointEvery ").append(saveEvery).append('\n');
        if (tasks != null || examples != null) {
            List<String> pool = new ArrayList<>();
            if (tasks != null) {
                pool.add("tasks: " + tasks);
            }
            if (examples != null) {
                pool.add("prompts: " + examples);
            }
            s.append("        pool ").append(String.join(", ", pool)).append('\n');
        }
        s.append("    }\n");
        s.append("    evaluate {\n");
        s.append("        prompts 1280\n");
        s.append("        strategies all()\n");
        s.append("        baselines ").append(baselines(task, kwargs)).append('\n');
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    private Map<String, Object> kwargs(Map<String, Entry> training, String task) {
        Map<String, Object> defaults = TASK_KWARGS.get(task);
        if (defaults == null) {
            throw error(training.get("task"), "training.task", "must be one of " + String.join(", ", new java.util.TreeSet<>(TASK_KWARGS.keySet()))
                    + ", was '" + task + "'");
        }
        Entry entry = training.get("task_kwargs");
        if (entry == null) {
            throw missing("training.task_kwargs");
        }
        if (!(entry.value() instanceof Map<?, ?>)) {
            throw error(entry, "training.task_kwargs", "must be a mapping (e.g. {} or {\"depth\": 4}), was " + describe(entry.value()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Entry> given = (Map<String, Entry>) entry.value();
        Map<String, Object> kwargs = new LinkedHashMap<>(defaults);
        for (var e : given.entrySet()) {
            Object standard = defaults.get(e.getKey());
            String key = "training.task_kwargs." + e.getKey();
            if (standard == null) {
                throw error(e.getValue(), key, "is not an argument of " + task + " that iclab can map (known: "
                        + String.join(", ", new java.util.TreeSet<>(defaults.keySet())) + ")");
            }
            Object v = e.getValue().value();
            if (standard instanceof Long) {
                if (!(v instanceof Long)) {
                    throw error(e.getValue(), key, "must be an integer, was " + describe(v));
                }
            } else if (v instanceof Long l) {
                v = l.doubleValue();
            } else if (!(v instanceof Double)) {
                throw error(e.getValue(), key, "must be a number, was " + describe(v));
            }
            kwargs.put(e.getKey(), v);
        }
        return kwargs;
    }

    private static String taskLine(String task, long dims, Map<String, Object> kw) {
        double scale = kw.containsKey("scale") ? (Double) kw.get("scale") : 1.0;
        String scaled = scale == 1.0 ? "" : ", scale: " + scale;
        return switch (task) {
            case "linear_regression" -> "linearRegression(dims: " + dims + scaled + ")";
            case "sparse_linear_regression" -> "sparseLinearRegression(dims: " + dims + ", sparsity: " + kw.get("sparsity") + scaled + ")";
            case "linear_classification" -> "linearClassification(dims: " + dims + (scale == 1.0 ? "" : ", scale: " + scale) + ")";
            case "relu_2nn_regression" -> "reluNetwork(dims: " + dims + ", hidden: " + kw.get("hidden_layer_size") + scaled + ")";
            case "decision_tree" -> "decisionTree(dims: " + dims + ", depth: " + kw.get("depth") + ")";
            default -> throw new IllegalStateException(task);
        };
    }

    /** Their get_relevant_baselines(task), in the order of iclab's garg2022 presets. */
    private static String baselines(String task, Map<String, Object> kw) {
        String common = "leastSquares(), nearestNeighbors(k: 3), averaging()";
        return switch (task) {
            case "linear_regression" -> common;
            case "linear_classification" -> "nearestNeighbors(k: 3), averaging()";
            case "sparse_linear_regression" -> common + ",\n                lasso(alpha: 1), lasso(alpha: 0.1), lasso(alpha: 0.01), lasso(alpha: 0.001), lasso(alpha: 0.0001)";
            case "relu_2nn_regression" -> common + ",\n                gradientDescentNet(hidden: 100, steps: 100, lr: 5e-3, batch: 100)";
            case "decision_tree" -> common + ",\n                greedyTree(maxDepth: 4), greedyTree(maxDepth: 0),\n                gradientBoosting(method: 'exact', baseScore: 0.5)   // XGBoost 1.6.1's, as their environment pins";
            default -> throw new IllegalStateException(task);
        };
    }

    private long[] schedule(Map<String, Entry> curriculum, String which) {
        String prefix = "training.curriculum." + which + ".";
        Map<String, Entry> s = section(curriculum, which, "training.curriculum.");
        check(s, SCHEDULE, prefix);
        return new long[] {integer(s, prefix, "start", null), integer(s, prefix, "end", null), integer(s, prefix, "inc", null),
            integer(s, prefix, "interval", null)};
    }

    /** A schedule in the DSL: fixed when it starts at its end (their curriculum then never moves). */
    private static String scheduleLine(String word, long[] s) {
        return s[0] == s[1] ? word + " " + s[0] + ", " + s[1]
                : String.format(Locale.ROOT, "%s %d, %d, by: %d, every: %d", word, s[0], s[1], s[2], s[3]);
    }

    // ---- typed reads, each naming the key and where it was written ----

    private Map<String, Entry> section(Map<String, Entry> map, String key) {
        return section(map, key, "");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Entry> section(Map<String, Entry> map, String key, String prefix) {
        Entry e = map.get(key);
        if (e == null) {
            throw missing(prefix + key);
        }
        if (!(e.value() instanceof Map<?, ?>)) {
            throw error(e, prefix + key, "must be a mapping of keys, was " + describe(e.value()));
        }
        return (Map<String, Entry>) e.value();
    }

    private void check(Map<String, Entry> map, Set<String> known, String prefix) {
        for (var e : map.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw error(e.getValue(), prefix + e.getKey(), "is not a key iclab can map (known here: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private String string(Map<String, Entry> map, String prefix, String key, String fallback) {
        Entry e = map.get(key);
        if (e == null || e.value() == null) {
            if (fallback == null) {
                throw missing(prefix + key);
            }
            return fallback;
        }
        if (!(e.value() instanceof String s)) {
            throw error(e, prefix + key, "must be a string, was " + describe(e.value()));
        }
        return s;
    }

    private long integer(Map<String, Entry> map, String prefix, String key, Long fallback) {
        Long v = optionalInteger(map, prefix, key);
        if (v == null) {
            if (fallback == null) {
                throw missing(prefix + key);
            }
            return fallback;
        }
        return v;
    }

    private Long optionalInteger(Map<String, Entry> map, String prefix, String key) {
        Entry e = map.get(key);
        if (e == null || e.value() == null) {
            return null;
        }
        if (!(e.value() instanceof Long l)) {
            throw error(e, prefix + key, "must be an integer, was " + describe(e.value()));
        }
        return l;
    }

    private double number(Map<String, Entry> map, String prefix, String key, double fallback) {
        Entry e = map.get(key);
        if (e == null || e.value() == null) {
            return fallback;
        }
        if (e.value() instanceof Long l) {
            return l;
        }
        if (!(e.value() instanceof Double d)) {
            throw error(e, prefix + key, "must be a number, was " + describe(e.value()));
        }
        return d;
    }

    private void note(Entry e, String key, String why) {
        if (e != null) {
            notes.add(key + " (" + e.file() + ":" + e.line() + "): " + why);
        }
    }

    private UserError error(Entry e, String key, String problem) {
        return new UserError(e.file() + ":" + e.line() + ": " + key + " " + problem);
    }

    private UserError missing(String key) {
        return new UserError(config + ": " + key + " is required by Garg et al.'s schema and is missing (after following inherit)");
    }

    private static String describe(Object v) {
        if (v instanceof Entry e) {
            return describe(e.value());
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return v.toString();
    }
}
