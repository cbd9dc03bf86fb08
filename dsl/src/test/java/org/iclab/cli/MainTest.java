package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.eval.ErrorCurve;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes, messages and options, with a recording runner in place of training. */
class MainTest {
    static final String TINY = """
            experiment('tiny') {
                seed 3
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 2; embed 16; positions 8 }
                train { steps 30; batch 8; optimizer adam(lr: 1e-3); logEvery 10 }
                evaluate { prompts 40; resamples 50 }
            }
            """;

    @TempDir
    Path tmp;
    Path script;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    /** What the runner was asked to run. */
    final List<Experiment> ran = new ArrayList<>();
    final List<RunOptions> options = new ArrayList<>();

    @BeforeEach
    void writeScript() throws Exception {
        script = Files.writeString(tmp.resolve("tiny.groovy"), TINY);
    }

    /** Pretends to train: reports two log lines to the listeners and returns made-up curves. */
    RunResult pretend(Experiment e, RunOptions o) {
        ran.add(e);
        options.add(o);
        for (TrainingListener l : o.listeners()) {
            l.started(1, e.train().steps());
            l.logged(new TrainingLog(e.train().steps() / 2, 2.5, 40, 3, 5, 1));
            l.logged(new TrainingLog(e.train().steps(), 1.25, 40, 3, 5, 2));
        }
        int points = e.evaluate().points();
        List<ErrorCurve> curves = new ArrayList<>();
        for (String learner : List.of("model", "leastSquares")) {
            double[] error = new double[points];
            Arrays.setAll(error, k -> (learner.equals("model") ? 1.0 : 0.5) / (k + 1));
            curves.add(new ErrorCurve("standard", learner, error, error, error));
        }
        Path dir = o.out() != null ? o.out() : tmp.resolve("runs").resolve(e.name());
        return new RunResult(e, dir, List.of(), curves, 0, 0);
    }

    int iclab(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, this::pretend, args);
    }

    int iclab(Main.Runner runner, String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, runner, args);
    }

    List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void checkValidatesWithoutRunning() {
        assertThat(iclab("check", script.toString())).isZero();
        assertThat(out.toString()).isEqualTo("ok  tiny  (" + script + ":1)\n");
        assertThat(ran).isEmpty();
    }

    @Test
    void aBadScriptIsAUserErrorInOneLineWithoutAStackTrace() throws Exception {
        Path bad = Files.writeString(tmp.resolve("lr.groovy"), TINY.replace("heads 2;", "haeds 2;"));
        assertThat(iclab("check", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(bad + ":5: unknown setting 'haeds' in gpt2; did you mean 'heads'? "
                + "(known: preset, layers, heads, embed, positions, layerNorm, mlp, ngramHead, embedDropout, attentionDropout, residualDropout)\n");
        assertThat(iclab("run", bad.toString())).isEqualTo(2);
        assertThat(ran).isEmpty();
    }

    @Test
    void stackTracesOnlyWhenAskedFor() throws Exception {
        Path bad = Files.writeString(tmp.resolve("lr.groovy"), TINY.replace("heads 2;", "haeds 2;"));
        assertThat(iclab("check", bad.toString(), "--stacktrace")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown setting 'haeds'", "\tat ");
    }

    @Test
    void everyScriptIsCheckedAndEveryErrorReported() throws Exception {
        Path syntax = Files.writeString(tmp.resolve("syntax.groovy"), "experiment('x') {\n  task linearRegression(dims: 5\n}\n");
        assertThat(iclab("check", tmp.resolve("missing.groovy").toString(), syntax.toString(), script.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(tmp.resolve("missing.groovy") + ": no such file\n" + syntax + ":3: unexpected input: '}'\n");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(iclab("run")).isEqualTo(2);
        assertThat(iclab("run", script.toString(), "--frobnicate")).isEqualTo(2);
        assertThat(iclab()).isEqualTo(2);
        assertThat(iclab("--version")).isZero();
        assertThat(iclab("run", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: iclab run", "--set=PATH=VALUE", "--out=DIR");
    }

    @Test
    void runPrintsProgressATableAndTheRunDirectoryLast() {
        Path dir = tmp.resolve("run");
        assertThat(iclab("run", script.toString(), "--out", dir.toString())).isZero();
        assertThat(options.get(0).out()).isEqualTo(dir);
        List<String> lines = outLines();
        assertThat(lines.get(0)).isEqualTo("tiny (" + script + ":1): gpt2 1 layer, 2 heads, 16 wide; 30 steps of batch 8");
        assertThat(lines.get(1)).isEqualTo("step 15/30  loss 2.5000  40.0 steps/s  ETA 0s");
        assertThat(lines.get(2)).isEqualTo("step 30/30  loss 1.2500  40.0 steps/s  ETA 0s");
        // k = 1, the task's dims (3), half the points (2) and the last k (4)
        assertThat(lines.get(3)).isEqualTo("error/dims         k=1       k=2       k=3       k=4");
        assertThat(lines.get(4)).isEqualTo("model           0.5000    0.3333    0.2500    0.2000");
        assertThat(lines.get(5)).isEqualTo("leastSquares    0.2500    0.1667    0.1250    0.1000");
        assertThat(lines).last().isEqualTo("run directory: " + dir);
    }

    @Test
    void onATerminalProgressIsOneLineUpdatedInPlace() {
        StringWriter screen = new StringWriter();
        Main.execute(new PrintWriter(screen, true), new PrintWriter(err, true), true, this::pretend, "run", script.toString());
        String text = screen.toString();
        // carriage returns, one newline once training ends
        assertThat(text).contains("\rstep 15/30  loss 2.5000  40.0 steps/s  ETA 0s"
                + "\rstep 30/30  loss 1.2500  40.0 steps/s  ETA 0s\nerror/dims");
        assertThat(text).doesNotContain("\nstep");
    }

    @Test
    void severalExperimentsRunInOrderEachInOutSlashName() throws Exception {
        Path two = Files.writeString(tmp.resolve("two.groovy"), TINY + TINY.replace("'tiny'", "'second'"));
        Path dir = tmp.resolve("out");
        assertThat(iclab("run", two.toString(), "--out", dir.toString())).isZero();
        assertThat(ran).extracting(Experiment::name).containsExactly("tiny", "second");
        assertThat(options).extracting(RunOptions::out).containsExactly(dir.resolve("tiny"), dir.resolve("second"));
        assertThat(outLines().stream().filter(l -> l.startsWith("run directory: ")))
                .containsExactly("run directory: " + dir.resolve("tiny"), "run directory: " + dir.resolve("second"));
    }

    @Test
    void twoExperimentsOfOneNameCannotShareAnOutFolder() throws Exception {
        Path twice = Files.writeString(tmp.resolve("twice.groovy"), TINY + TINY);
        assertThat(iclab("run", twice.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(twice + ":9: experiment name 'tiny' is also declared at " + twice
                + ":1; with --out each experiment needs its own name (DIR/<name>)\n");
        assertThat(ran).isEmpty();
    }

    @Test
    void setOverridesAnySettingBySpecJsonPath() {
        assertThat(iclab("run", script.toString(), "--set", "train.steps=20", "--set", "seed=11",
                "--set", "evaluate.bootstrap.resamples=9", "--set", "train.optimizer.lr=0.01", "--set", "name=renamed")).isZero();
        Experiment e = ran.get(0);
        assertThat(e.train().steps()).isEqualTo(20);
        assertThat(e.seed()).isEqualTo(11);
        assertThat(e.evaluate().bootstrap().resamples()).isEqualTo(9);
        assertThat(e.train().optimizer()).isEqualTo(Iclab.adam(0.01));
        assertThat(e.name()).isEqualTo("renamed");
        // everything else is as the script declared it
        Experiment declared = ExperimentScripts.evaluate(script).get(0).experiment();
        assertThat(e.model()).isEqualTo(declared.model());
        assertThat(e.train().batch()).isEqualTo(declared.train().batch());
    }

    @Test
    void badOverridesAreUserErrorsNamingTheSetting() {
        assertThat(iclab("run", script.toString(), "--set", "train.stesp=20")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--set train.stesp=20: unknown setting 'stesp' in train; did you mean 'steps'? "
                + "(known: steps, batch, optimizer, curriculum, checkpointEvery, logEvery, pool, lossAt, evaluateEvery, evaluatePrompts, from, freeze, fresh, onDivergence, rollbacks, measures)\n");
        err.getBuffer().setLength(0);
        assertThat(iclab("check", script.toString(), "--set", "train.steps=0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--set train.steps=0: train: steps must be > 0, was 0\n");
        err.getBuffer().setLength(0);
        assertThat(iclab("check", script.toString(), "--set", "train.steps=many")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--set train.steps=many: train.steps must be a number, was 'many'\n");
        err.getBuffer().setLength(0);
        assertThat(iclab("check", script.toString(), "--set", "train.steps")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--set expects path=value, e.g. --set train.steps=100; was 'train.steps'\n");
        err.getBuffer().setLength(0);
        assertThat(iclab("check", script.toString(), "--set", "prompt.type=stacked")).isEqualTo(2);
        assertThat(err.toString()).contains("Unrecognized field \"disjoint\"").endsWith("(--set prompt.type keeps the other settings of prompt;"
                + " to change its kind, set it whole as JSON, e.g. --set prompt='{\"type\": \"stacked\", ...}')\n");
        err.getBuffer().setLength(0);
        assertThat(iclab("check", script.toString(), "--set", "prompt={\"type\": \"stacked\", \"points\": 5}")).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void aSpecJsonIsAcceptedInPlaceOfAScript() throws Exception {
        Experiment declared = ExperimentScripts.evaluate(script).get(0).experiment();
        Path spec = Files.writeString(tmp.resolve("spec.json"), Json.write(declared));
        assertThat(iclab("run", spec.toString())).isZero();
        assertThat(ran).containsExactly(declared);
        assertThat(outLines().get(0)).startsWith("tiny (" + spec + "): ");
        Files.writeString(spec, Json.write(declared).replace("\"steps\" : 30", "\"steps\" : -1"));
        assertThat(iclab("check", spec.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(spec + ": train: steps must be > 0, was -1\n");
    }

    @Test
    void aProblemFoundWhenRunningIsAUserErrorAtTheExperiment() throws Exception {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("something"), "x");
        // the real runner: it refuses a non-empty run directory before starting TensorFlow
        assertThat(iclab(Iclab::run, "run", script.toString(), "--out", taken.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(script + ":1: run: out must be a new or empty folder (iclab never overwrites a run), was " + taken + "\n");
    }

    @Test
    void aFailureInsideIclabIsAnInternalErrorWithExitCode1() {
        Main.Runner broken = (e, o) -> {
            throw new IllegalStateException("the graph fell over");
        };
        assertThat(iclab(broken, "run", script.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("iclab: internal error: java.lang.IllegalStateException: the graph fell over "
                + "(run with --stacktrace for details)\n");
        err.getBuffer().setLength(0);
        assertThat(iclab(broken, "run", script.toString(), "--stacktrace")).isEqualTo(1);
        assertThat(err.toString()).contains("IllegalStateException: the graph fell over", "\tat ");
    }

    @Test
    void describeListsEveryBlockWordAndSetting() {
        assertThat(iclab("describe")).isZero();
        String text = out.toString();
        for (org.iclab.dsl.Reference.Block b : org.iclab.dsl.Reference.blocks()) {
            for (org.iclab.dsl.Reference.Entry e : b.settings()) {
                assertThat(text).contains("  " + e.form() + "\n      " + e.meaning());
            }
        }
        assertThat(text).contains("linearRegression  (task)", "adam  (optimizer)", "nearestNeighbors  (baselines)");
        out.getBuffer().setLength(0);
        assertThat(iclab("describe", "train")).isZero();
        assertThat(out.toString()).startsWith("train { ... }\n  steps <int>\n      Number of optimizer steps. Default: 1000. Allowed: > 0.\n");
        assertThat(iclab("describe", "tarin")).isEqualTo(2);
        assertThat(err.toString()).startsWith("iclab describe: unknown topic 'tarin'; did you mean 'train'? (known: experiment, train, ");
    }
}
