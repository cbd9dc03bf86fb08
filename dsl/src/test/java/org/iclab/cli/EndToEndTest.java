package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iclab run} for real: a few steps of a tiny model into a temporary folder, then a re-run of its spec.json. */
class EndToEndTest {
    @TempDir
    Path tmp;

    private static List<String> iclab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
        assertThat(code).as("exit code; stderr: " + err).isZero();
        return out.toString().lines().toList();
    }

    private static List<Double> losses(Path runDirectory) throws Exception {
        List<Double> losses = new ArrayList<>();
        for (String line : Files.readAllLines(runDirectory.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            losses.add(n.get("loss").asDouble());
        }
        return losses;
    }

    @Test
    void runsAScriptAndReRunsItsSpecJsonToTheSameLosses() throws Exception {
        Path script = Files.writeString(tmp.resolve("tiny.groovy"), MainTest.TINY);
        Path first = tmp.resolve("first");
        List<String> lines = iclab("run", script.toString(), "--set", "train.steps=20", "--out", first.toString());

        assertThat(lines).last().isEqualTo("run directory: " + first);
        List<Double> losses = losses(first);
        assertThat(losses).hasSize(2).allMatch(Double::isFinite);
        // one plain progress line per log interval (logEvery 10), with the loss metrics.jsonl recorded
        assertThat(lines.stream().filter(l -> l.startsWith("step "))).containsExactly(
                lines.get(1), lines.get(2));
        assertThat(lines.get(1)).startsWith(String.format(Locale.ROOT, "step 10/20  loss %.4f  ", losses.get(0)));
        assertThat(lines.get(2)).startsWith(String.format(Locale.ROOT, "step 20/20  loss %.4f  ", losses.get(1)));
        assertThat(lines.stream().map(l -> l.split("\\s+")[0]))
                .contains("error/dims", "model", "leastSquares", "nearestNeighbors", "averaging");
        JsonNode spec = Json.MAPPER.readTree(first.resolve("spec.json").toFile());
        assertThat(spec.at("/train/steps").asInt()).isEqualTo(20);

        Path second = tmp.resolve("second");
        List<String> again = iclab("run", first.resolve("spec.json").toString(), "--out", second.toString());
        assertThat(again).last().isEqualTo("run directory: " + second);
        assertThat(losses(second)).containsExactlyElementsOf(losses);
        assertThat(Files.readString(second.resolve("spec.json"))).isEqualTo(Files.readString(first.resolve("spec.json")));
    }

    @Test
    void xlaCompilesTheModelRecordsItAndAgreesWithTheExecutorToRounding() throws Exception {
        Path script = Files.writeString(tmp.resolve("tiny.groovy"), MainTest.TINY);
        Path compiled = tmp.resolve("xla");
        Path executed = tmp.resolve("no-xla");
        iclab("run", script.toString(), "--set", "train.steps=20", "--xla", "--out", compiled.toString());
        iclab("run", script.toString(), "--set", "train.steps=20", "--out", executed.toString());
        assertThat(Json.MAPPER.readTree(compiled.resolve("env.json").toFile()).get("xla").asBoolean()).isTrue();
        assertThat(Json.MAPPER.readTree(executed.resolve("env.json").toFile()).get("xla").asBoolean()).isFalse();
        List<Double> a = losses(compiled);
        List<Double> b = losses(executed);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).isCloseTo(b.get(i), org.assertj.core.api.Assertions.within(1e-4 * (1 + Math.abs(b.get(i)))));
        }
    }
}
