package org.iclab.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iclab.cli.Main;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every Groovy script in scripts/ passes {@code iclab check}; a new script is picked up without touching this test. */
class ScriptsCheckTest {
    /** The module folder (Maven runs tests there), without build output. */
    static List<Path> scripts() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".groovy"))
                    .filter(p -> !root.relativize(p).startsWith("target") && !root.relativize(p).startsWith("src"))
                    .sorted().toList();
        }
    }

    @Test
    void theQuickStartIsAmongThem() throws Exception {
        assertThat(scripts()).extracting(p -> p.getFileName().toString()).contains("quickstart.groovy");
    }

    @TestFactory
    Stream<DynamicTest> everyScriptPassesCheck() throws Exception {
        return scripts().stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false,
                    (e, o) -> {
                        throw new AssertionError("check must not run anything");
                    }, "check", script.toString());
            assertThat(code).as("iclab check " + script + "\n" + err).isZero();
            assertThat(out.toString()).startsWith("ok  ");
        }));
    }
}
