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

/** The runtime's dependency rules, read from the sources: arrows point one way, and TensorFlow stays in graph and engine. */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/org/iclab");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.iclab\\.([a-z]+)\\.[A-Z]");
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
                String from = dir.toString();
                assertThat(layers).as("the layer of package " + from + " is written in package-info").contains(from);
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
    void theRuleCatchesAnArrowUpward() {
        // the check itself: an import of report from train is seen
        Matcher m = REFERENCE.matcher("import org.iclab.report.Json;");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("report");
        assertThat(ENGINE.matcher("var v = org.tensorflow.TensorFlow.version();").find()).isTrue();
    }

    /** The source without comments, so that documentation may name any class. */
    private static String code(Path f) throws IOException {
        String text = Files.readString(f);
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
