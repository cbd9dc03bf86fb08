package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.iclab.Iclab;
import org.iclab.claim.Reproduction;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real reproduction in a process of its own, killed with SIGKILL while its second seed trains, then started again:
 * the finished seed is not run again, the killed one resumes from its checkpoint, and the claims are read over both.
 */
class ReproduceKillTest {
    static final String SCRIPT = """
            experiment('killed') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 1200; batch 8; logEvery 100; checkpointEvery 100 }
                evaluate { prompts 16; resamples 20; baselines leastSquares() }
            }
            claims {
                claim('the loss is logged at the last step', atLeast: 0) { metric('killed', 'loss', step: 1200) }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aReproductionKilledWithSigkillAndStartedAgainRunsEachFinishedSeedOnce() throws Exception {
        Path script = Files.writeString(tmp.resolve("killed.groovy"), SCRIPT);
        Path dir = tmp.resolve("runs");
        Path sweep = dir.resolve("killed").resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "reproduce",
                script.toString(), "--seeds", "2", "--out", dir.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path second = sweep.resolve("seed=1");
        Path checkpoint = second.resolve(RunDirectory.CHECKPOINT).resolve("latest").resolve("state.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!(Files.isRegularFile(checkpoint) && SweepKillTest.status(sweep, 2).get(1).equals("running"))) {
            assertThat(process.isAlive()).as("the reproduction ends before it is killed: " + Files.readString(tmp.resolve("first.log"))).isTrue();
            assertThat(System.nanoTime()).as("the second seed never checkpointed").isLessThan(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(tmp.resolve("first.log"))).contains("reproduce: 1 of 2 runs done, 1 running, 0 left, ETA");
        assertThat(dir.resolve(Reproduction.FILE)).doesNotExist();
        Path firstEval = sweep.resolve("seed=0").resolve(RunDirectory.EVAL_JSON);
        byte[] firstBytes = Files.readAllBytes(firstEval);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run,
                "reproduce", script.toString(), "--seeds", "2", "--out", dir.toString(), "--threads", "1");
        assertThat(code).as(err + "\n" + out).isZero();
        assertThat(SweepKillTest.status(sweep, 2)).containsExactly("skipped", "done");
        JsonNode points = Json.MAPPER.readTree(sweep.resolve(SweepRunner.SWEEP_JSON).toFile()).get("points");
        assertThat(points.get(1).get("resumed").asBoolean()).isTrue();
        assertThat(Files.readAllBytes(firstEval)).isEqualTo(firstBytes);
        long firstLogs = Files.readAllLines(second.resolve(RunDirectory.METRICS)).stream().filter(l -> l.startsWith("{\"step\":100,")).count();
        assertThat(firstLogs).as("the killed seed continued from its checkpoint").isEqualTo(1);
        Reproduction r = Reproduction.read(dir.resolve(Reproduction.FILE));
        assertThat(r.runs()).extracting(Reproduction.Run::status).containsExactly("skipped", "done");
        assertThat(r.runs().get(0).provenance()).as("the seed the killed process finished kept its provenance").isNotNull();
        assertThat(r.claims()).singleElement().satisfies(o -> {
            assertThat(o.verdict().word()).isEqualTo("holds");
            assertThat(o.values()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive());
        });
    }
}
