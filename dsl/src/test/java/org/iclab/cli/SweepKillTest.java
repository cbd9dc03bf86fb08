package org.iclab.cli;

import org.iclab.sweep.SweepRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep in a process of its own, killed with SIGKILL while its second point trains, then started again: the
 * finished point is not run again, the killed one resumes from its checkpoint, and the last one runs once.
 */
class SweepKillTest {
    static final String SCRIPT = """
            experiment('killed') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 1200; batch 8; logEvery 100; checkpointEvery 100 }
                evaluate { prompts 16; resamples 20; baselines leastSquares() }
            }
            sweep { axis 'seed', 0..2 }
            """;

    @TempDir
    Path tmp;

    @Test
    void aSweepKilledWithSigkillAndStartedAgainRunsEachFinishedPointOnce() throws Exception {
        Path script = Files.writeString(tmp.resolve("killed.groovy"), SCRIPT);
        Path dir = tmp.resolve("sweep");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                script.toString(), "--out", dir.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path second = dir.resolve("seed=1");
        Path checkpoint = second.resolve(RunDirectory.CHECKPOINT).resolve("latest").resolve("state.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!(Files.isRegularFile(checkpoint) && status(dir).get(1).equals("running"))) {
            assertThat(process.isAlive()).as("the sweep ends before it is killed: " + Files.readString(tmp.resolve("first.log"))).isTrue();
            assertThat(System.nanoTime()).as("the second point never checkpointed").isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(dir)).containsExactly("done", "running", "pending");
        assertThat(second.resolve(RunDirectory.EVAL_JSON)).doesNotExist();
        Path firstEval = dir.resolve("seed=0").resolve(RunDirectory.EVAL_JSON);
        byte[] firstBytes = Files.readAllBytes(firstEval);
        long firstTime = Files.getLastModifiedTime(firstEval).toMillis();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run,
                "sweep", script.toString(), "--out", dir.toString(), "--threads", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(status(dir)).containsExactly("skipped", "done", "done");
        JsonNode points = Json.MAPPER.readTree(dir.resolve(SweepRunner.SWEEP_JSON).toFile()).get("points");
        assertThat(points.get(1).get("resumed").asBoolean()).isTrue();
        assertThat(points.get(2).get("resumed").asBoolean()).isFalse();
        assertThat(Files.readAllBytes(firstEval)).isEqualTo(firstBytes);
        assertThat(Files.getLastModifiedTime(firstEval).toMillis()).isEqualTo(firstTime);
        // the killed point continued from its checkpoint instead of starting over: step 100 was trained once
        long firstLogs = Files.readAllLines(second.resolve(RunDirectory.METRICS)).stream().filter(l -> l.startsWith("{\"step\":100,")).count();
        assertThat(firstLogs).isEqualTo(1);
        List<String> csv = Files.readAllLines(dir.resolve(SweepRunner.SWEEP_CSV));
        assertThat(csv.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct()).containsExactly("0", "1", "2");
    }

    private static List<String> status(Path dir) throws Exception {
        return status(dir, 3);
    }

    /** Each point's status in a sweep's sweep.json (written atomically), or {@code points} blanks before it exists. */
    static List<String> status(Path dir, int points) throws Exception {
        Path file = dir.resolve(SweepRunner.SWEEP_JSON);
        List<String> statuses = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return java.util.Collections.nCopies(points, "");
        }
        Json.MAPPER.readTree(file.toFile()).get("points").forEach(p -> statuses.add(p.get("status").asText()));
        return statuses;
    }
}
