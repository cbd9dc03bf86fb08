package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules, read from the sources: in the runtime, arrows point one way and TensorFlow stays in graph and
 * engine, and no package reaches back into the facade's root package; in the dsl module (read from this repository's
 * {@code dsl/} beside {@code runtime/}), {@code dsl} before {@code sweep} before {@code cli}, and the Spark module
 * uses the sweep engine, not the command line; and inside a package, no cycle among its classes beyond those listed.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/org/iclab");
    private static final Path DSL = Path.of("../dsl/src/main/java/org/iclab");
    private static final Path SPARK = Path.of("../dsl/spark/src/main/java/org/iclab");
    /** The dsl module's packages, each importing only from those before it. */
    private static final List<String> DSL_LAYERS = List.of("dsl", "sweep", "cli");
    /**
     * The cycles among a package's classes that were there when this check was written (package: its classes, sorted);
     * a new one fails the test, and one that is gone must be struck from the list.
     */
    private static final java.util.Set<String> KNOWN_CYCLES = java.util.Set.of(
            "spec/strategy: BurstyTestSet, FlippedLabels, InContext, InWeights",
            "graph: CompiledModel, Feeds, ModelGraph",
            "probe: Spectrum, Targets",
            "probe: ClosedForms, ProbeKind, ProbeRun, Probes",
            "task: Batch, PromptBatch, TokenBatch",
            "task: PromptDesign, PromptSampler",
            "task: EvaluationPrompts, EvaluationStrategy",
            "baseline: TokenLearner, TokenLearnerFactory",
            "baseline: Learner, LearnerFactory",
            "cli: CheckCommand, DescribeCommand, ImportCommand, JshellCommand, Main, ProbeCommand, ReproduceCommand, ResumeCommand, RunCommand, SweepCommand");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.iclab\\.([a-z]+)(?:\\.[a-z]+)*\\.[A-Z]");
    private static final Pattern ENGINE = Pattern.compile("\\b(org\\.tensorflow|ai\\.djl)\\.");

    /** The order written in the facade's package-info: "layers: spec, io, ...". */
    static List<String> layers() throws IOException {
        Matcher m = Pattern.compile("layers: ([a-z, ]+)").matcher(Files.readString(SOURCES.resolve("package-info.java")));
        assertThat(m.find()).as("package-info.java names the layers").isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
    }

    @Test
    void noPackageReachesUpTheLayerOrder() throws IOException {
        List<String> layers = layers();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f).getParent();
                if (dir == null) {
                    continue; // the facade may use every layer
                }
                String from = dir.getName(0).toString(); // a sub-package (spec/task) is in its parent's layer
                assertThat(layers).as("the layer of package " + dir + " is written in package-info").contains(from);
                Matcher m = REFERENCE.matcher(code(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (layers.contains(to) && layers.indexOf(to) > layers.indexOf(from)) {
                        violations.add(from + " -> " + to + " in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyGraphAndEngineTouchTensorFlow() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f).getParent();
                String from = dir == null ? "" : dir.toString();
                if (!from.equals("graph") && !from.equals("engine") && ENGINE.matcher(code(f)).find()) {
                    violations.add(SOURCES.relativize(f).toString());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noRuntimePackageReachesIntoTheFacadesRootPackage() throws IOException {
        List<String> roots = rootClasses();
        Pattern root = Pattern.compile("\\borg\\.iclab\\.(" + String.join("|", roots) + ")\\b");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && SOURCES.relativize(p).getParent() != null).toList()) {
                Matcher m = root.matcher(code(f));
                if (m.find()) {
                    violations.add(SOURCES.relativize(f) + " -> " + m.group(1));
                }
            }
        }
        assertThat(roots).contains("Iclab", "ExperimentRunner", "RunSteps");
        assertThat(violations).isEmpty();
    }

    @Test
    void theDslModuleReadsDslThenSweepThenCliAndSparkUsesTheSweepEngine() throws IOException {
        assertThat(DSL.resolve("sweep")).isDirectory();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DSL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = DSL.relativize(f).getParent().toString();
                assertThat(DSL_LAYERS).as("the layer of package " + from).contains(from);
                Matcher m = REFERENCE.matcher(code(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (DSL_LAYERS.contains(to) && DSL_LAYERS.indexOf(to) > DSL_LAYERS.indexOf(from)) {
                        violations.add(from + " -> " + to + " in " + f.getFileName());
                    }
                }
            }
        }
        if (Files.isDirectory(SPARK)) {
            try (Stream<Path> files = Files.walk(SPARK)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (code(f).contains("org.iclab.cli.")) {
                        violations.add("spark -> cli in " + f.getFileName());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noPackageHasACycleAmongItsClassesBeyondTheKnownOnes() throws IOException {
        List<String> cycles = new ArrayList<>();
        for (Path tree : List.of(SOURCES, DSL, SPARK)) {
            if (!Files.isDirectory(tree)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(tree)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    String name = tree.relativize(dir).toString();
                    cycles.addAll(cycles(dir).stream().map(c -> (name.isEmpty() ? "root" : name) + ": " + String.join(", ", c)).toList());
                }
            }
        }
        assertThat(cycles).as("cycles not in the known list").isSubsetOf(KNOWN_CYCLES);
        assertThat(KNOWN_CYCLES).as("known cycles that are gone: strike them from the list").isSubsetOf(cycles);
    }

    @Test
    void theCycleCheckFindsACycle() throws IOException {
        Path dir = Files.createTempDirectory("cycle");
        Files.writeString(dir.resolve("A.java"), "class A { B b; }");
        Files.writeString(dir.resolve("B.java"), "class B { C c; } // A in a comment is no reference");
        Files.writeString(dir.resolve("C.java"), "class C { A a; String s = \"B\"; }");
        Files.writeString(dir.resolve("D.java"), "class D { A a; }");
        assertThat(cycles(dir)).containsExactly(List.of("A", "B", "C"));
    }

    /** The classes of the facade's root package. */
    private static List<String> rootClasses() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }

    /**
     * The cycles among the classes of the package in {@code dir} (each sorted; a class refers to another where its
     * code, without comments and strings, names it): Tarjan's strongly connected components of more than one class.
     */
    static List<List<String>> cycles(Path dir) throws IOException {
        java.util.Map<String, String> code = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java")).toList()) {
                String n = f.getFileName().toString();
                code.put(n.substring(0, n.length() - 5), code(f).replaceAll("\"[^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+\"", "\"\""));
            }
        }
        java.util.Map<String, List<String>> edges = new java.util.TreeMap<>();
        for (var from : code.entrySet()) {
            edges.put(from.getKey(), code.keySet().stream()
                    .filter(to -> !to.equals(from.getKey()) && Pattern.compile("\\b" + to + "\\b").matcher(from.getValue()).find()).toList());
        }
        return new Tarjan(edges).components.stream().filter(c -> c.size() > 1).map(c -> c.stream().sorted().toList()).toList();
    }

    /** Strongly connected components. */
    private static final class Tarjan {
        final java.util.Map<String, List<String>> edges;
        final java.util.Map<String, Integer> index = new java.util.HashMap<>();
        final java.util.Map<String, Integer> low = new java.util.HashMap<>();
        final java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        final java.util.Set<String> onStack = new java.util.HashSet<>();
        final List<List<String>> components = new ArrayList<>();

        Tarjan(java.util.Map<String, List<String>> edges) {
            this.edges = edges;
            edges.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }

    @Test
    void theRuleCatchesAnArrowUpward() {
        // the check itself: an import of report from train is seen
        Matcher m = REFERENCE.matcher("import org.iclab.report.Json;");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("report");
        Matcher sub = REFERENCE.matcher("import org.iclab.spec.task.Task;");
        assertThat(sub.find()).isTrue();
        assertThat(sub.group(1)).as("a sub-package counts as its parent's layer").isEqualTo("spec");
        assertThat(ENGINE.matcher("var v = org.tensorflow.TensorFlow.version();").find()).isTrue();
    }

    /** The source without comments, so that documentation may name any class. */
    private static String code(Path f) throws IOException {
        String text = Files.readString(f);
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
