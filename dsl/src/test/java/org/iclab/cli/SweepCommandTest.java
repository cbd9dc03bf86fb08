package org.iclab.cli;

import org.iclab.sweep.SweepTable;
import org.iclab.sweep.SweepRunner;
import org.iclab.sweep.Sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.dsl.SweepAxes;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iclab sweep}: axes from the script and the command line, expansion and validation of every point, folders
 * named by the axis values, skipping finished points and resuming started ones, failures, and the gathered table,
 * with a runner that writes a run directory's files in place of training.
 */
class SweepCommandTest {
    static final String SCRIPT = """
            experiment('tiny') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 4)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 20; batch 8 }
                evaluate { prompts 16; baselines leastSquares() }
            }
            sweep {
                axis 'train.pool.tasks', [2, 8, 'inf']
            }
            """;

    @TempDir
    Path tmp;
    Path script;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<Experiment> ran = new ArrayList<>();
    final List<RunOptions> options = new ArrayList<>();

    @BeforeEach
    void writeScript() throws Exception {
        script = Files.writeString(tmp.resolve("tiny.groovy"), SCRIPT);
    }

    /**
     * Pretends to train: writes spec.json, then a checkpoint marker, and (unless the pool holds 8 tasks and the seed
     * is 1, which fails) eval.csv with error = 1 / (pool tasks + 1) + seed / 100 at k = 0, eval.json and model/.
     */
    RunResult pretend(Experiment e, RunOptions o) {
        ran.add(e);
        options.add(o);
        Path dir = o.resume() != null ? o.resume() : o.out();
        try {
            Files.createDirectories(dir);
            Json.writeFile(dir.resolve(RunDirectory.SPEC), e);
            if (e.train().pool().tasks() == 8 && e.seed() == 1) {
                throw new IllegalStateException("training diverged");
            }
            double error = 1.0 / (e.train().pool().tasks() + 1) + e.seed() / 100.0;
            Files.writeString(dir.resolve(RunDirectory.EVAL_CSV), "strategy,learner,k,error,ci_low,ci_high\n"
                    + "standard,model,0," + error + "," + (error - 0.01) + "," + (error + 0.01) + "\n");
            Files.writeString(dir.resolve(RunDirectory.EVAL_JSON), "[]");
            Files.createDirectories(dir.resolve(RunDirectory.MODEL));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return new RunResult(e, dir, List.of(), List.of(), 0, 0);
    }

    int iclab(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, this::pretend, args);
    }

    @Test
    void axesFromTheScriptAndTheCommandLineAreCrossedAndEachPointIsARunDirectory() throws Exception {
        Path dir = tmp.resolve("sweep");
        assertThat(iclab("sweep", script.toString(), "--axis", "seed=0..1", "--out", dir.toString(), "--parallel", "2")).isEqualTo(1);
        assertThat(ran).hasSize(6).extracting(e -> e.train().pool().tasks() + "/" + e.seed())
                .containsExactlyInAnyOrder("2/0", "2/1", "8/0", "8/1", "0/0", "0/1");
        assertThat(options).allSatisfy(o -> assertThat(o.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
        assertThat(options).allSatisfy(o -> assertThat(o.xla()).as("the executor unless --xla").isFalse());
        assertThat(dir.resolve("tasks=inf_seed=1").resolve(RunDirectory.EVAL_CSV)).isRegularFile();
        JsonNode json = Json.MAPPER.readTree(dir.resolve(SweepRunner.SWEEP_JSON).toFile());
        Map<String, String> status = new java.util.LinkedHashMap<>();
        json.get("points").forEach(p -> status.put(p.get("name").asText(), p.get("status").asText()));
        assertThat(status).containsExactly(Map.entry("tasks=2_seed=0", "done"), Map.entry("tasks=2_seed=1", "done"),
                Map.entry("tasks=8_seed=0", "done"), Map.entry("tasks=8_seed=1", "failed"), Map.entry("tasks=inf_seed=0", "done"),
                Map.entry("tasks=inf_seed=1", "done"));
        assertThat(err.toString()).contains("tasks=8_seed=1 (train.pool.tasks=8, seed=1): IllegalStateException: training diverged");
        List<String> csv = Files.readAllLines(dir.resolve(SweepRunner.SWEEP_CSV));
        assertThat(csv.get(0)).isEqualTo("train.pool.tasks,seed,strategy,learner,k,error,ci_low,ci_high");
        assertThat(csv).hasSize(6).contains("inf,1,standard,model,0,1.01,1.0,1.02");
        assertThat(csv.get(1)).startsWith("2,0,standard,model,0,0.3333333333333333,");
        assertThat(dir.resolve("sweep-tasks-standard.png")).isRegularFile();
        assertThat(out.toString()).contains("sweep tiny: 5 of 6 done, 0 running, 1 failed, 0 skipped");
        // the sweep's page: one row per finished point at the last k, and the figure inlined
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("<td class=\"num\">inf</td><td class=\"num\">1</td><td class=\"num\">standard</td>"
                + "<td class=\"num\">model</td><td class=\"num\">0</td><td class=\"num\">1.0100 [1.0000, 1.0200]</td>");
        assertThat(report.split("<tr>", -1)).hasSize(1 + 1 + 5);
        assertThat(report).contains("data-name=\"sweep-tasks-standard.png\"><img alt=\"sweep-tasks-standard.png\" src=\"data:image/png;base64,iVBOR");

        // the same command again: the finished points are skipped, the failed one is started afresh
        ran.clear();
        options.clear();
        assertThat(iclab("sweep", script.toString(), "--axis", "seed=0..1", "--out", dir.toString())).isEqualTo(1);
        assertThat(ran).extracting(e -> e.train().pool().tasks() + "/" + e.seed()).containsExactly("8/1");
        assertThat(options.get(0).resume()).isNull();
        assertThat(out.toString()).contains("sweep tiny: 0 of 6 done, 0 running, 1 failed, 5 skipped");
    }

    @Test
    void aStartedPointWithACheckpointIsResumedAndOneWithoutIsStartedAgain() throws Exception {
        Path dir = tmp.resolve("sweep");
        Path plain = Files.writeString(tmp.resolve("plain.groovy"), SCRIPT.substring(0, SCRIPT.indexOf("sweep {")));
        Experiment base = ExperimentScripts.evaluate(plain).get(0).experiment();
        var points = Sweep.expand(base, new SweepAxes(List.of(new SweepAxes.Axis("train.pool.tasks", List.of("2", "8"))), List.of()));
        Path withCheckpoint = dir.resolve(points.get(0).name());
        Path latest = withCheckpoint.resolve(RunDirectory.CHECKPOINT).resolve(org.iclab.train.Checkpoints.LATEST);
        Files.createDirectories(latest);
        Json.writeFile(withCheckpoint.resolve(RunDirectory.SPEC), points.get(0).experiment());
        Json.writeFile(latest.resolve("state.json"), new org.iclab.train.Checkpoints.State(10, 0.5));
        Path withoutCheckpoint = dir.resolve(points.get(1).name());
        Files.createDirectories(withoutCheckpoint);
        Json.writeFile(withoutCheckpoint.resolve(RunDirectory.SPEC), points.get(1).experiment());
        Files.writeString(withoutCheckpoint.resolve("metrics.jsonl"), "{}\n");
        assertThat(iclab("sweep", plain.toString(), "--axis", "train.pool.tasks=2,8", "--out", dir.toString())).isZero();
        assertThat(options).hasSize(2);
        assertThat(options.get(0).resume()).isEqualTo(withCheckpoint);
        assertThat(options.get(1).resume()).isNull();
        assertThat(options.get(1).out()).isEqualTo(withoutCheckpoint);
        assertThat(withoutCheckpoint.resolve("metrics.jsonl")).doesNotExist();
    }

    @Test
    void xlaGoesToEveryLocalPointAndIsRefusedOnSpark() {
        Path dir = tmp.resolve("sweep-xla");
        iclab("sweep", script.toString(), "--out", dir.toString(), "--xla");
        assertThat(options).hasSize(3).allSatisfy(o -> assertThat(o.xla()).isTrue());
        ran.clear();
        options.clear();
        assertThat(iclab("sweep", script.toString(), "--out", tmp.resolve("other").toString(), "--xla", "--on", "spark")).isEqualTo(2);
        assertThat(err.toString()).contains("sweep: --xla runs local sweeps only; the points of --on spark use TensorFlow's executor");
        assertThat(ran).isEmpty();
    }

    @Test
    void aFolderHoldingAnotherExperimentIsNeverTouched() throws Exception {
        Path dir = tmp.resolve("sweep");
        Path point = dir.resolve("tasks=2");
        Files.createDirectories(point);
        Experiment other = ExperimentScripts.evaluate(script).get(0).experiment();
        Json.writeFile(point.resolve(RunDirectory.SPEC), other);
        String before = Files.readString(point.resolve(RunDirectory.SPEC));
        assertThat(iclab("sweep", script.toString(), "--out", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("holds a run of another experiment");
        assertThat(Files.readString(point.resolve(RunDirectory.SPEC))).isEqualTo(before);
        assertThat(ran).hasSize(2); // tasks=8 and tasks=inf still ran
    }

    @Test
    void everyInvalidPointIsReportedBeforeAnythingRuns() {
        assertThat(iclab("sweep", script.toString(), "--axis", "model.layers=0,1", "--axis", "seed=0..1", "--out", tmp.resolve("s").toString()))
                .isEqualTo(2);
        assertThat(ran).isEmpty();
        assertThat(err.toString()).contains("6 of 12 points are invalid").contains("train.pool.tasks=inf, model.layers=0, seed=1")
                .contains("layers must be > 0");
        err.getBuffer().setLength(0);
        assertThat(iclab("sweep", script.toString(), "--axis", "seed=inf")).isEqualTo(2);
        assertThat(err.toString()).contains("seed takes no inf");
        err.getBuffer().setLength(0);
        assertThat(iclab("sweep", script.toString(), "--axis", "seed")).isEqualTo(2);
        assertThat(err.toString()).contains("--axis expects PATH=VALUES");
        err.getBuffer().setLength(0);
        assertThat(iclab("sweep", script.toString(), "--axis", "train.steps=10,20", "--axis", "seed=0..2", "--zip", "train.steps,seed"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("zipped axes must have as many values each; train.steps has 2, seed has 3");
        err.getBuffer().setLength(0);
        assertThat(iclab("sweep", script.toString(), "--axis", "train.pool.tasks=4")).isEqualTo(2);
        assertThat(err.toString()).contains("axis train.pool.tasks is declared twice");
    }

    @Test
    void checkValidatesEveryPointOfTheScriptsSweep() throws Exception {
        assertThat(iclab("check", script.toString())).isZero();
        assertThat(out.toString()).contains("ok  tiny  (" + script + ":1, 3 sweep points)");
        Path bad = Files.writeString(tmp.resolve("bad.groovy"), SCRIPT.replace("[2, 8, 'inf']", "[2, -1]"));
        assertThat(iclab("check", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("1 of 2 points are invalid").contains("train.pool.tasks=-1");
        // run trains the experiment as declared, but not from a script with a wrong sweep block (found by the fuzzer)
        err.getBuffer().setLength(0);
        assertThat(iclab("run", bad.toString(), "--out", tmp.resolve("never").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(bad + ":1: sweep: 1 of 2 points are invalid");
        assertThat(ran).isEmpty();
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void zippedAxesVaryTogetherAndNamesStayApart() {
        Experiment base = ExperimentScripts.evaluate(SCRIPT, "tiny.groovy").get(0).experiment();
        var points = Sweep.expand(base, new SweepAxes(List.of(
                new SweepAxes.Axis("train.steps", List.of("10", "20")),
                new SweepAxes.Axis("model.layers", List.of("1", "2")),
                new SweepAxes.Axis("seed", List.of("5", "6"))), List.of(List.of("train.steps", "seed"))));
        assertThat(points).extracting(Sweep.Point::name).containsExactly(
                "steps=10_layers=1_seed=5", "steps=10_layers=2_seed=5", "steps=20_layers=1_seed=6", "steps=20_layers=2_seed=6");
        assertThat(points.get(3).experiment().train().steps()).isEqualTo(20);
        assertThat(points.get(3).experiment().seed()).isEqualTo(6);
        assertThat(Sweep.name(new java.util.LinkedHashMap<>(Map.of("train.pool.tasks", "2")))).isEqualTo("tasks=2");
    }

    @Test
    void theIntervalAcrossSeedsIsABootstrapOfTheMeanThatNarrowsWithAgreeingSeeds() {
        double[] spread = SweepTable.bootstrapMean(new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        assertThat(spread[0]).isBetween(0.1, 0.3);
        assertThat(spread[1]).isBetween(0.3, 0.5);
        double[] agreeing = SweepTable.bootstrapMean(new double[] {0.29, 0.3, 0.31, 0.3, 0.3});
        assertThat(agreeing[1] - agreeing[0]).isLessThan((spread[1] - spread[0]) / 5);
        assertThat(SweepTable.bootstrapMean(new double[] {0.1, 0.2, 0.3, 0.4, 0.5})).isEqualTo(spread); // the same figure every time
    }

    @Test
    void axisValuesTakeRangesPowersAndInf() {
        assertThat(SweepAxes.values("0..3")).containsExactly("0", "1", "2", "3");
        assertThat(SweepAxes.values("2^1..2^4,inf")).containsExactly("2", "4", "8", "16", "inf");
        assertThat(SweepAxes.values("1e-3, 3e-4")).containsExactly("1e-3", "3e-4");
        assertThatThrownBy(() -> SweepAxes.values("2,2")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> SweepAxes.values("2^3..3^4")).hasMessageContaining("share their base");
        assertThatThrownBy(() -> SweepAxes.values("4..1")).hasMessageContaining("must rise");
        assertThatThrownBy(() -> SweepAxes.values("1,,2")).hasMessageContaining("none empty");
        var declared = ExperimentScripts.evaluate(SCRIPT + "sweep { axis 'optimizer.lr', [1e-3, 0.0005]; axis 'seed', '0..2'; zip 'seed' }\n",
                "tiny.groovy").get(0);
        assertThat(declared.sweep().axes()).extracting(SweepAxes.Axis::path).containsExactly("train.pool.tasks", "optimizer.lr", "seed");
        assertThat(declared.sweep().axes().get(1).values()).containsExactly("0.001", "0.0005");
        assertThat(declared.sweep().axes().get(2).values()).containsExactly("0", "1", "2");
    }
}
