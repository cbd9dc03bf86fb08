package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.iclab.Iclab;
import org.iclab.io.AtomicFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of a run that a disk, a person or another program damaged: each is exit 2 with one line naming the file and
 * the problem, never a stack trace, and nothing is written over.
 */
class BadFilesTest {
    static final String SCRIPT = """
            experiment('damaged') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 20; batch 8; logEvery 5; checkpointEvery 10 }
                evaluate { prompts 16; resamples 20; baselines leastSquares() }
            }
            """;

    @TempDir
    static Path tmp;
    static Path script;
    static Path finished;

    record Outcome(int code, String out, String err) {
    }

    static Outcome iclab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void aFinishedRun() {
        try {
            script = Files.writeString(tmp.resolve("damaged.groovy"), SCRIPT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        finished = tmp.resolve("finished");
        assertThat(iclab("run", script.toString(), "--out", finished.toString(), "--threads", "1").code()).isZero();
    }

    /** A copy of the finished run as if killed before its evaluation: resume would go on from its checkpoint. */
    private static Path unfinishedCopy(String name) throws Exception {
        Path copy = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(finished)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(finished.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.delete(copy.resolve("eval.json"));
        AtomicFiles.deleteTree(copy.resolve("model"));
        return copy;
    }

    private static void assertOneCleanLine(Outcome o) {
        assertThat(o.code()).as(o.err()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTruncatedSpecJsonIsNamed() throws Exception {
        Path run = unfinishedCopy("spec");
        Path spec = run.resolve("spec.json");
        byte[] bytes = Files.readAllBytes(spec);
        Files.write(spec, Arrays.copyOf(bytes, bytes.length / 2));
        Outcome o = iclab("resume", run.toString());
        assertOneCleanLine(o);
        assertThat(o.err()).startsWith("iclab: spec: " + spec + " must describe a valid experiment, was ");
        o = iclab("run", spec.toString(), "--out", tmp.resolve("never").toString());
        assertOneCleanLine(o);
        assertThat(o.err()).contains(spec.toString()).contains("must describe a valid experiment");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void aCorruptCheckpointStateIsNamed() throws Exception {
        Path run = unfinishedCopy("state");
        Path state = run.resolve("checkpoint/latest/state.json");
        Files.writeString(state, "{\"step\": 20, \"loss\": ");
        Outcome o = iclab("resume", run.toString());
        assertOneCleanLine(o);
        assertThat(o.err()).startsWith("iclab: checkpoint: " + state + " must be a checkpoint's state.json ({\"step\": ..., \"loss\": ...}), was ");
        Files.writeString(state, "{\"step\": -3, \"loss\": 1.0}");
        o = iclab("resume", run.toString());
        assertOneCleanLine(o);
        assertThat(o.err().strip()).isEqualTo("iclab: checkpoint: " + state + " must hold a step >= 1 and a positive lr_scale, was step -3, lr_scale 1.0");
    }

    @Test
    void aDamagedVariablesFileIsNamedAndNothingIsOverwritten() throws Exception {
        Path run = unfinishedCopy("variables");
        Path data;
        try (Stream<Path> list = Files.list(run.resolve("checkpoint/latest"))) {
            data = list.filter(p -> p.getFileName().toString().startsWith("variables.data")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(bytes, bytes.length / 2));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.jsonl"));
        Outcome o = iclab("resume", run.toString());
        assertOneCleanLine(o);
        assertThat(o.err()).startsWith("iclab: checkpoint: " + run.resolve("checkpoint/latest/variables")
                + " must hold the variables of this run's model, readable, was ");
        assertThat(Files.readAllBytes(run.resolve("metrics.jsonl"))).isEqualTo(metrics);
    }

    @Test
    void aSecondRunIntoARunDirectoryIsRefused() throws Exception {
        byte[] eval = Files.readAllBytes(finished.resolve("eval.csv"));
        Outcome o = iclab("run", script.toString(), "--out", finished.toString());
        assertOneCleanLine(o);
        assertThat(o.err()).contains("must be a new or empty folder (iclab never overwrites a run)");
        assertThat(Files.readAllBytes(finished.resolve("eval.csv"))).isEqualTo(eval);
    }
}
