package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs side by side: by default a sweep's and a reproduction's runs go at once on one thread each, {@code run
 * --parallel} runs several experiments at once, and the runs of a real training give the same files whether they ran
 * side by side or one by one (on one machine, at the same threads per run).
 */
class ParallelRunsTest {
    static final String TINY = """
            [1, 2].each { n ->
                experiment("tiny-$n") {
                    seed n
                    task linearRegression(dims: 3)
                    prompt interleaved(points: 5)
                    model gpt2 { layers 1; heads 1; embed 8; positions 10 }
                    train { steps 40; batch 8; logEvery 10; checkpointEvery 20 }
                    evaluate { prompts 32; baselines leastSquares() }
                }
            }
            """;

    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int iclab(Main.Runner runner, String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, runner, args);
    }

    /**
     * A runner that waits until {@code together} runs have started (or 20 s), counting the most at once; {@code new
     * Meeting(1)} waits for none.
     */
    static final class Meeting implements Main.Runner {
        final CountDownLatch started;
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<Integer> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        final Main.Runner training;

        Meeting(int together) {
            this(together, null);
        }

        /** Trains with {@code training} once they met, where not null; else writes a run directory's files in its place. */
        Meeting(int together, Main.Runner training) {
            started = new CountDownLatch(together);
            this.training = training;
        }

        @Override
        public RunResult run(Experiment e, RunOptions o) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            threads.add(o.threads());
            started.countDown();
            try {
                started.await(20, TimeUnit.SECONDS);
                Thread.sleep(50); // runs that overlap are seen overlapping
                if (training != null) {
                    return training.run(e, o);
                }
                Path dir = o.out();
                Files.createDirectories(dir.resolve(RunDirectory.MODEL));
                Json.writeFile(dir.resolve(RunDirectory.SPEC), e);
                Files.writeString(dir.resolve(RunDirectory.EVAL_CSV), "strategy,learner,k,error,ci_low,ci_high\nstandard,model,0,1,1,1\n");
                Files.writeString(dir.resolve(RunDirectory.EVAL_JSON), "[]");
                return new RunResult(e, dir, List.of(), List.of(), 0, 0);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            } finally {
                now.decrementAndGet();
            }
        }
    }

    @Test
    void aSweepRunsItsPointsAtOnceOnOneThreadEachUnlessToldOtherwise() throws Exception {
        Path script = Files.writeString(tmp.resolve("tiny.groovy"), TINY.replace("[1, 2].each", "[1].each"));
        Meeting together = new Meeting(3);
        assertThat(iclab(together, "sweep", script.toString(), "--axis", "seed=1..3", "--threads", "2", "--out", tmp.resolve("a").toString()))
                .isEqualTo(0);
        assertThat(together.most.get()).isEqualTo(3);
        assertThat(together.threads).containsExactly(1, 1, 1);
        assertThat(out.toString()).contains("3 points in " + tmp.resolve("a") + ", 3 at a time, 1 thread each");

        Meeting alone = new Meeting(1);
        assertThat(iclab(alone, "sweep", script.toString(), "--axis", "seed=1..3", "--threads", "1", "--out", tmp.resolve("b").toString()))
                .isEqualTo(0);
        assertThat(alone.most.get()).as("one thread in all: one run at a time").isEqualTo(1);

        Meeting asked = new Meeting(1);
        assertThat(iclab(asked, "sweep", script.toString(), "--axis", "seed=1..3", "--threads", "2", "--parallel", "1",
                "--out", tmp.resolve("c").toString())).isEqualTo(0);
        assertThat(asked.most.get()).isEqualTo(1);
        assertThat(asked.threads).containsExactly(2, 2, 2);
    }

    @Test
    void aReproductionRunsTheRunsOfAllItsExperimentsOnOnePool() throws Exception {
        Path paper = Files.createDirectories(tmp.resolve("paper"));
        Files.writeString(paper.resolve("two.groovy"), TINY);
        Meeting together = new Meeting(4);
        assertThat(iclab(together, "reproduce", paper.toString(), "--seeds", "2", "--threads", "4", "--out", tmp.resolve("runs").toString()))
                .isEqualTo(0);
        assertThat(together.most.get()).as("two experiments of two seeds each, all four at once").isEqualTo(4);
        assertThat(together.threads).containsExactly(1, 1, 1, 1);
        assertThat(out.toString()).contains("reproduce: 4 runs of 2 experiments, 4 at a time, 1 thread each, on local");

        // one pool for all the experiments: --parallel 2 over their four runs never has more than two going
        Meeting two = new Meeting(2);
        assertThat(iclab(two, "reproduce", paper.toString(), "--seeds", "2", "--threads", "4", "--parallel", "2",
                "--out", tmp.resolve("runs2").toString())).isEqualTo(0);
        assertThat(two.most.get()).isEqualTo(2);
        assertThat(two.threads).containsExactly(2, 2, 2, 2);
    }

    @Test
    void runParallelTrainsSeveralExperimentsAtOnce() throws Exception {
        Path script = Files.writeString(tmp.resolve("two.groovy"), TINY);
        Meeting together = new Meeting(2, Iclab::run);
        assertThat(iclab(together, "run", script.toString(), "--parallel", "2", "--threads", "2", "--out", tmp.resolve("runs").toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(together.most.get()).isEqualTo(2);
        assertThat(together.threads).containsExactly(1, 1);
        assertThat(out.toString()).contains("run: 2 experiments, 2 at a time, 1 thread each")
                .contains("run directory: " + tmp.resolve("runs").resolve("tiny-1"))
                .contains("run directory: " + tmp.resolve("runs").resolve("tiny-2"));

        Meeting alone = new Meeting(1, Iclab::run);
        assertThat(iclab(alone, "run", script.toString(), "--out", tmp.resolve("runs2").toString())).isEqualTo(0);
        assertThat(alone.most.get()).as("run keeps one at a time unless asked").isEqualTo(1);
    }

    @Test
    void runsSideBySideGiveTheSameFilesAsTheSameRunsOneByOne() throws Exception {
        Path script = Files.writeString(tmp.resolve("tiny.groovy"), TINY.replace("[1, 2].each", "[1].each"));
        Path together = tmp.resolve("together");
        Path apart = tmp.resolve("apart");
        assertThat(iclab(Iclab::run, "sweep", script.toString(), "--axis", "seed=1..2", "--threads", "2", "--out", together.toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("2 at a time, 1 thread each");
        assertThat(iclab(Iclab::run, "sweep", script.toString(), "--axis", "seed=1..2", "--threads", "1", "--out", apart.toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("1 at a time, 1 thread each");
        for (String point : List.of("seed=1", "seed=2")) {
            for (String file : List.of(RunDirectory.EVAL_CSV, RunDirectory.EVAL_JSON)) {
                assertThat(Files.readString(together.resolve(point).resolve(file))).as(point + "/" + file)
                        .isEqualTo(Files.readString(apart.resolve(point).resolve(file)));
            }
            assertThat(losses(together.resolve(point))).as(point + " losses").hasSize(4).isEqualTo(losses(apart.resolve(point)));
        }
        assertThat(losses(together.resolve("seed=1"))).isNotEqualTo(losses(together.resolve("seed=2")));
    }

    /** Each logged step's loss, as metrics.jsonl holds it (its timings differ run to run). */
    static List<String> losses(Path run) throws Exception {
        List<String> losses = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("loss")) {
                losses.add(n.get("step").asText() + ":" + n.get("loss").asText());
            }
        }
        return losses;
    }
}
