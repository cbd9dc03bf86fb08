package org.iclab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.io.StorageException;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint of step 20 interrupted before each step of its file sequence (make the folder, write and force
 * state.json, rename it, force the variables, move last-good aside, rename latest to last-good, delete the old one,
 * rename the new one in, force the folder), by an error thrown in the file layer where a kill would strike: each run
 * is then resumed, and reaches the losses and eval.csv of an uninterrupted run, bit for bit. Checkpoints come every 5
 * steps, so both latest (15) and last-good (10) exist when it starts. A full disk at the first write leaves the
 * checkpoint of step 15 intact and says so.
 */
class CheckpointFaultTest {
    @TempDir
    static Path tmp;
    static Path reference;

    static Experiment spec() {
        return experiment("faulted").seed(4)
                .task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(30).batch(8).optimizer(adam(1e-3)).logEvery(5).checkpointEvery(5))
                .evaluate(e -> e.prompts(24).resamples(20))
                .build();
    }

    @BeforeAll
    static void uninterrupted() {
        reference = tmp.resolve("reference");
        Iclab.run(spec(), RunOptions.builder().out(reference).threads(1).build());
    }

    @AfterEach
    void noFaults() {
        AtomicFiles.injectFaults(null);
    }

    /** Arms a fault hook when step 20 is logged (just before its checkpoint) and disarms it once the checkpoint is done. */
    static final class Armed implements TrainingListener, AtomicFiles.Fault {
        final int failAt;
        final IOException fault;
        final List<String> seen = new ArrayList<>();
        boolean armed;

        Armed(int failAt, IOException fault) {
            this.failAt = failAt;
            this.fault = fault;
        }

        @Override
        public void logged(TrainingLog log) {
            armed = log.step() == 20;
        }

        @Override
        public void checkpointed(long step, Path folder) {
            armed = false;
        }

        @Override
        public void before(String step, Path path) throws IOException {
            if (!armed) {
                return;
            }
            seen.add(step + " " + path.getFileName());
            if (seen.size() - 1 == failAt) {
                throw fault;
            }
        }
    }

    @Test
    void aCheckpointInterruptedAtEveryStepOfItsWriteResumesToTheSameResults() throws Exception {
        Armed counting = new Armed(-1, null);
        AtomicFiles.injectFaults(counting);
        Iclab.run(spec(), RunOptions.builder().out(tmp.resolve("counted")).threads(1).listener(counting).build());
        List<String> sequence = List.copyOf(counting.seen);
        assertThat(sequence).hasSizeGreaterThanOrEqualTo(12).contains("move last-good", "move latest")
                .anyMatch(s -> s.startsWith("mkdir")).anyMatch(s -> s.startsWith("move")).anyMatch(s -> s.startsWith("force"));

        List<String> matrix = new ArrayList<>();
        for (int n = 0; n < sequence.size(); n++) {
            Path dir = tmp.resolve("fault-" + n);
            Armed armed = new Armed(n, new IOException("injected fault"));
            AtomicFiles.injectFaults(armed);
            assertThatThrownBy(() -> Iclab.run(spec(), RunOptions.builder().out(dir).threads(1).listener(armed).build()))
                    .as("interrupted before " + sequence.get(n)).isInstanceOf(StorageException.class);
            AtomicFiles.injectFaults(null);
            long from = new Checkpoints(dir.resolve("checkpoint")).latest().orElseThrow().state().step();
            Iclab.resume(dir, RunOptions.builder().threads(1));
            boolean same = Files.readString(dir.resolve("eval.csv")).equals(Files.readString(reference.resolve("eval.csv")))
                    && losses(dir).equals(losses(reference));
            matrix.add(String.format("%2d  before %-40s resumed from step %d: %s", n, sequence.get(n), from, same ? "identical" : "DIFFERENT"));
            assertThat(same).as(matrix.get(matrix.size() - 1)).isTrue();
            assertThat(from).isIn(15L, 20L);
        }
        System.out.println("checkpoint fault-injection matrix (" + sequence.size() + " points):");
        matrix.forEach(System.out::println);
    }

    @Test
    void aFullDiskWhileCheckpointingKeepsThePreviousCheckpointAndSaysSo() throws Exception {
        Path dir = tmp.resolve("full");
        Armed full = new Armed(0, new IOException("No space left on device"));
        AtomicFiles.injectFaults(full);
        assertThatThrownBy(() -> Iclab.run(spec(), RunOptions.builder().out(dir).threads(1).listener(full).build()))
                .isInstanceOf(StorageException.class)
                .hasMessage("could not write the checkpoint of step 20 under " + dir.resolve("checkpoint") + ": No space left on device;"
                        + " the checkpoint of step 15 is intact in " + dir.resolve("checkpoint/latest"));
        AtomicFiles.injectFaults(null);
        assertThat(new Checkpoints(dir.resolve("checkpoint")).latest().orElseThrow().state().step()).isEqualTo(15);
        Iclab.resume(dir, RunOptions.builder().threads(1));
        assertThat(Files.readString(dir.resolve("eval.csv"))).isEqualTo(Files.readString(reference.resolve("eval.csv")));
    }

    private static Map<Long, Double> losses(Path dir) throws Exception {
        Map<Long, Double> losses = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("loss") && losses.put(n.get("step").asLong(), n.get("loss").asDouble()) != null) {
                return Map.of(); // a step logged twice: never the same as the reference
            }
        }
        return losses;
    }
}
