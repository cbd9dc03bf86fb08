package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.iclab.Iclab;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iclab resume} on runs killed with SIGKILL in a process of their own, at steps drawn at random (seeded): the
 * run is killed, resumed in another process and killed again, then resumed to the end; its losses, eval.csv and the
 * number of metrics.jsonl lines are those of an uninterrupted run, and each step is in the TensorBoard file once.
 */
class ResumeKillTest {
    static final String SCRIPT = """
            experiment('resumed') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 1500; batch 8; logEvery 50; checkpointEvery 200; evaluateEvery 500; evaluatePrompts 16 }
                evaluate { prompts 32; resamples 20; baselines leastSquares() }
            }
            """;

    @TempDir
    static Path tmp;
    static Path script;
    static Path reference;

    @BeforeAll
    static void uninterrupted() throws Exception {
        script = Files.writeString(tmp.resolve("resumed.groovy"), SCRIPT);
        reference = tmp.resolve("reference");
        assertThat(iclab("run", script.toString(), "--out", reference.toString(), "--threads", "1")).isZero();
    }

    @Test
    void aRunKilledTwiceAtRandomStepsResumesToTheUninterruptedResults() throws Exception {
        Random random = new Random(17);
        Path dir = tmp.resolve("killed");
        Process first = start("run", script.toString(), "--out", dir.toString(), "--threads", "1");
        killAt(first, dir, 250 + random.nextInt(500));
        Process second = start("resume", dir.toString(), "--threads", "1");
        long checkpoint = Json.MAPPER.readTree(dir.resolve("checkpoint/latest/state.json").toFile()).get("step").asLong();
        killAt(second, dir, checkpoint + 100 + random.nextInt(400));

        StringWriter out = new StringWriter();
        assertThat(iclab(out, "resume", dir.toString(), "--threads", "1")).isZero();
        assertThat(out.toString()).contains("resuming " + dir + " (resumed) from the checkpoint of step ");
        assertSameAsUninterrupted(dir);

        // resuming a finished run changes nothing
        Map<String, Long> times = modified(dir);
        StringWriter again = new StringWriter();
        assertThat(iclab(again, "resume", dir.toString())).isZero();
        assertThat(again.toString()).contains(dir + " is finished (1500 of 1500 steps, evaluated, model exported); nothing to do");
        assertThat(modified(dir)).isEqualTo(times);
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointTrainsAgainFromStepOne() throws Exception {
        Path dir = tmp.resolve("early");
        Process process = start("run", script.toString(), "--out", dir.toString(), "--threads", "1");
        killAt(process, dir, 300);
        AtomicFiles.deleteTree(dir.resolve(RunDirectory.CHECKPOINT)); // as if killed before step 200's checkpoint
        StringWriter out = new StringWriter();
        assertThat(iclab(out, "resume", dir.toString(), "--threads", "1")).isZero();
        assertThat(out.toString()).contains("has no checkpoint: training again from step 1 of 1500");
        assertSameAsUninterrupted(dir);
    }

    @Test
    void aFolderThatIsNoRunIsAUserError() throws Exception {
        StringWriter err = new StringWriter();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, Iclab::run, "resume", empty.toString()))
                .isEqualTo(Main.USER_ERROR);
        assertThat(err.toString().trim()).isEqualTo("iclab resume: RUN_DIR must be a run directory holding spec.json, was " + empty);
    }

    private static void assertSameAsUninterrupted(Path dir) throws Exception {
        assertThat(Files.readString(dir.resolve(RunDirectory.EVAL_CSV))).isEqualTo(Files.readString(reference.resolve(RunDirectory.EVAL_CSV)));
        assertThat(losses(dir)).isEqualTo(losses(reference));
        assertThat(Files.readAllLines(dir.resolve(RunDirectory.METRICS))).hasSameSizeAs(Files.readAllLines(reference.resolve(RunDirectory.METRICS)));
        assertThat(evaluations(dir)).isEqualTo(evaluations(reference));
        assertThat(dir.resolve("report.html")).isRegularFile();
        try (var list = Files.list(dir)) {
            assertThat(list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))).hasSize(2); // training, end of run
        }
    }

    /** step → loss of every training line; a step logged twice fails. */
    private static Map<Long, Double> losses(Path dir) throws Exception {
        Map<Long, Double> losses = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(RunDirectory.METRICS))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("loss")) {
                assertThat(losses.put(n.get("step").asLong(), n.get("loss").asDouble())).as("step " + n.get("step") + " logged once").isNull();
            }
        }
        return losses;
    }

    private static Map<Long, String> evaluations(Path dir) throws Exception {
        Map<Long, String> evaluations = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(RunDirectory.METRICS))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("mean_error")) {
                assertThat(evaluations.put(n.get("step").asLong(), n.get("error").toString())).isNull();
            }
        }
        return evaluations;
    }

    private static Map<String, Long> modified(Path dir) throws Exception {
        Map<String, Long> times = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                times.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
            }
        }
        return times;
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Files.createTempFile(tmp, args[0], ".log").toFile()).start();
    }

    /** Waits until metrics.jsonl has logged {@code step} (or later), then sends SIGKILL. */
    private static void killAt(Process process, Path dir, long step) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (lastStep(dir.resolve(RunDirectory.METRICS)) < step) {
            assertThat(process.isAlive()).as("the run ends before step " + step + ": " + output(process)).isTrue();
            assertThat(System.nanoTime()).as("step " + step + " never came").isLessThan(deadline);
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve(RunDirectory.EVAL_JSON)).doesNotExist();
    }

    private static String output(Process process) throws Exception {
        try (var logs = Files.list(tmp)) {
            StringBuilder all = new StringBuilder();
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(log.getFileName()).append(": ").append(Files.readString(log)).append('\n');
            }
            return all.toString();
        }
    }

    private static long lastStep(Path metrics) throws Exception {
        if (!Files.isRegularFile(metrics)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(metrics);
        for (int i = lines.size() - 1; i >= 0; i--) {
            int at = lines.get(i).indexOf("\"step\":");
            if (at >= 0 && lines.get(i).contains("\"loss\"")) {
                String rest = lines.get(i).substring(at + 7);
                return Long.parseLong(rest.substring(0, rest.indexOf(',')));
            }
        }
        return -1;
    }

    private static int iclab(String... args) {
        return iclab(new StringWriter(), args);
    }

    private static int iclab(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
        assertThat(err.toString()).as("stderr of iclab " + String.join(" ", args)).isEmpty();
        return code;
    }
}
