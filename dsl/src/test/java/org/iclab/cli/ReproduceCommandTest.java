package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.claim.Page;
import org.iclab.claim.Reproduction;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iclab reproduce} over a stand-in runner that writes a finished run's files: the model's error at k is
 * 1 / (k + 1) + seed / 10, least squares' 0.3, so claims hold at some seeds and not at others.
 */
class ReproduceCommandTest {
    static final String SCRIPT = """
            experiment('lr') {
                seed 0
                task linearRegression(dims: 3); prompt interleaved(points: 5); model gpt2('tiny')
                train { steps 200 }
                evaluate { baselines leastSquares() }
            }
            claims {
                scale 'a stand-in runner'
                claim('the model beats least squares at k = 4', paper: 'Fig. 1') {
                    error('lr', k: 4) < error('lr', learner: 'leastSquares', k: 4)
                }
                claim('the error at k = 4 is at most 0.5', paper: 'Fig. 1: 0.2', atMost: 0.5) { error('lr', k: 4) }
                claim('the error falls with k', atLeast: 0.5) { mean(error('lr', k: 0..1)) - error('lr', k: 4) }
            }
            figures { curve('lr', learners: ['model', 'leastSquares']) }
            """;

    @TempDir
    Path tmp;

    final List<Experiment> ran = Collections.synchronizedList(new ArrayList<>());
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Path script;

    @BeforeEach
    void write() throws Exception {
        script = Files.writeString(Files.createDirectories(tmp.resolve("paper")).resolve("lr.groovy"), SCRIPT);
    }

    RunResult pretend(Experiment e, RunOptions o) {
        ran.add(e);
        Path dir = o.resume() != null ? o.resume() : o.out();
        try {
            Files.createDirectories(dir);
            Json.writeFile(dir.resolve(RunDirectory.SPEC), e);
            List<String> rows = new ArrayList<>();
            for (int k = 0; k <= 4; k++) {
                double error = 1.0 / (k + 1) + e.seed() / 10.0;
                rows.add(row("model", k, error));
                rows.add(row("leastSquares", k, 0.3));
            }
            Files.writeString(dir.resolve(RunDirectory.EVAL_JSON), "[" + String.join(",\n", rows) + "]");
            Files.createDirectories(dir.resolve(RunDirectory.MODEL));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return new RunResult(e, dir, List.of(), List.of(), 0, 0);
    }

    static String row(String learner, int k, double error) {
        return "{\"strategy\": \"standard\", \"learner\": \"" + learner + "\", \"k\": " + k + ", \"error\": " + error
                + ", \"ci_low\": " + error + ", \"ci_high\": " + error + "}";
    }

    int iclab(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, this::pretend, args);
    }

    @Test
    void everyClaimIsReadAtEachSeedAndOverSeedsAndThePageIsRenderedBesideTheScript() throws Exception {
        Path runs = tmp.resolve("runs");
        assertThat(iclab("reproduce", script.toString(), "--out", runs.toString())).as(err.toString()).isEqualTo(1);
        assertThat(ran).extracting(Experiment::seed).containsExactlyInAnyOrder(0L, 1L, 2L);
        Reproduction r = Reproduction.read(runs.resolve(Reproduction.FILE));
        assertThat(r.seeds()).containsExactly(0L, 1L, 2L);
        // k = 4: 0.2, 0.3, 0.4 against least squares' 0.3
        assertThat(r.claims()).extracting(o -> o.verdict().word()).containsExactly("mixed", "holds", "holds");
        assertThat(r.claims().get(0).holds()).containsExactly(true, false, false);
        assertThat(r.claims().get(1).values()).containsExactly(0.2, 0.30000000000000004, 0.4);
        assertThat(r.claims().get(1).mean()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.claims().get(1).location()).isEqualTo(script + ":12");
        assertThat(r.runs()).extracting(Reproduction.Run::status).containsExactly("done", "done", "done");
        // provenance: of the reproduction and of each run
        assertThat(r.provenance().cpu()).isNotBlank();
        assertThat(r.provenance().java()).isEqualTo(System.getProperty("java.version"));
        assertThat(r.provenance().tensorflow()).isEqualTo("2.16.1");
        assertThat(r.provenance().date()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(r.provenance().commit()).isNotBlank();
        assertThat(r.runs()).allSatisfy(run -> assertThat(run.provenance()).isNotNull());
        assertThat(runs.resolve("lr").resolve("lr").resolve("seed=1").resolve(ReproduceCommand.PROVENANCE)).isRegularFile();
        // the page beside the script is what the reproduction.json beside it renders
        Path json = tmp.resolve("paper").resolve("lr." + Reproduction.FILE);
        assertThat(Files.readString(tmp.resolve("paper").resolve("lr.md"))).isEqualTo(Page.render(Reproduction.read(json)));
        assertThat(out.toString()).contains("reproduce: 3 of 3 runs done, 0 running, 0 left", "mixed   the model beats least squares at k = 4",
                "3 claims: 2 hold, 1 mixed, 0 fail, over 3 seeds");
        // an ETA once some runs are done (two can finish between two progress lines)
        assertThat(out.toString()).containsPattern("reproduce: [12] of 3 runs done, \\d running, \\d left, ETA \\d+ s");
        // the declared figure, over the three seeds, beside the page
        assertThat(r.figures()).singleElement().satisfies(f -> {
            assertThat(f.error()).isNull();
            assertThat(f.file()).isEqualTo("figures/lr-1.png");
        });
        assertThat(javax.imageio.ImageIO.read(tmp.resolve("paper").resolve("figures").resolve("lr-1.png").toFile()).getWidth()).isPositive();
        assertThat(Files.readString(tmp.resolve("paper").resolve("lr.md"))).contains("![lr · error against k (standard)](figures/lr-1.png)");

        // run again: every run is skipped, the claims read again the same
        ran.clear();
        out.getBuffer().setLength(0);
        assertThat(iclab("reproduce", script.toString(), "--out", runs.toString())).isEqualTo(1);
        assertThat(ran).isEmpty();
        assertThat(Reproduction.read(runs.resolve(Reproduction.FILE)).runs()).extracting(Reproduction.Run::status)
                .containsExactly("skipped", "skipped", "skipped");
        assertThat(Reproduction.read(runs.resolve(Reproduction.FILE)).claims()).isEqualTo(r.claims());
    }

    @Test
    void everyClaimHoldingIsExitZeroAndAFolderIsOnePage() throws Exception {
        Files.writeString(script, SCRIPT.replace("error('lr', k: 4) < error('lr', learner: 'leastSquares', k: 4)", "error('lr', k: 4) < 1"));
        Files.writeString(script.resolveSibling("second.groovy"), """
                experiment('other') { task linearRegression(dims: 3); prompt interleaved(points: 5); model gpt2('tiny') }
                claims { claim('the other model is below 1.5 at k = 0', atMost: 1.5) { error('other', k: 0) } }
                """);
        Path runs = tmp.resolve("runs");
        assertThat(iclab("reproduce", tmp.resolve("paper").toString(), "--out", runs.toString(), "--seeds", "2", "--parallel", "2"))
                .as(err.toString()).isZero();
        Reproduction r = Reproduction.read(tmp.resolve("paper").resolve(Reproduction.FILE));
        assertThat(r.title()).isEqualTo("paper");
        assertThat(r.scripts()).containsExactly("lr.groovy", "second.groovy");
        assertThat(r.claims()).hasSize(4).allSatisfy(o -> assertThat(o.verdict().word()).isEqualTo("holds"));
        assertThat(r.runs()).extracting(run -> run.experiment() + "@" + run.seed()).containsExactly("lr@0", "lr@1", "other@0", "other@1");
        assertThat(Files.readString(tmp.resolve("paper").resolve(Page.FILE))).contains("4 of 4 hold at every seed");
    }

    /** Guo et al.'s pasting over seeds: an experiment whose train.from names another of the folder starts each run from its run at the same seed offset. */
    @Test
    void aRunStartsFromTheRunOfTheExperimentItNamesAtTheSameSeedOffsetAfterIt() throws Exception {
        Files.writeString(script.resolveSibling("pasted.groovy"), """
                experiment('pasted') {
                    seed 7
                    task linearRegression(dims: 3); prompt interleaved(points: 5); model gpt2('tiny')
                    train { from 'runs/lr'; fresh 'h0/'; freeze 'h1/' }
                }
                claims { claim('the pasted model is below 1.5 at k = 0', atMost: 1.5) { error('pasted', k: 0) } }
                """);
        Path runs = tmp.resolve("runs");
        assertThat(iclab("reproduce", tmp.resolve("paper").toString(), "--out", runs.toString(), "--seeds", "2", "--parallel", "2"))
                .as(err.toString()).isIn(0, 1);
        List<String> order = ran.stream().map(e -> e.name() + "@" + e.seed()).toList();
        assertThat(order).containsExactlyInAnyOrder("lr@0", "lr@1", "pasted@7", "pasted@8");
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("lr@0", "lr@1"); // the runs started from come first
        for (Experiment e : ran) {
            if (e.name().equals("pasted")) {
                assertThat(e.train().from())
                        .isEqualTo(runs.resolve("lr").resolve("lr").resolve("seed=" + (e.seed() - 7)).toAbsolutePath().normalize().toString());
                assertThat(e.train().freeze()).containsExactly("h1/");
            }
        }
        // a plain run of the script still reads the path it names
        assertThat(ExperimentScriptsLoad.from(script.resolveSibling("pasted.groovy"))).isEqualTo("runs/lr");

        // an experiment started from must not sweep: which of its runs would a run start from?
        Files.writeString(script, SCRIPT.substring(0, SCRIPT.indexOf("claims {")) + "sweep { axis 'train.steps', [100, 200] }\n");
        assertThat(iclab("reproduce", tmp.resolve("paper").toString(), "--out", tmp.resolve("runs2").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("train.from names lr, which sweeps [train.steps]; reproduce can start each run from that "
                + "experiment's run at the same seed only where it sweeps nothing");
    }

    /** The declared train.from of a script's only experiment. */
    static final class ExperimentScriptsLoad {
        static String from(Path file) {
            return org.iclab.dsl.ExperimentScripts.load(file).experiments().get(0).experiment().train().from();
        }
    }

    @Test
    void badInputIsExitTwoBeforeAnythingRuns() throws Exception {
        Files.writeString(script, SCRIPT.replace("learner: 'leastSquares', k: 4", "learner: 'lasso', k: 4"));
        assertThat(iclab("reproduce", script.toString(), "--out", tmp.resolve("runs").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(script + ":10: claim 'the model beats least squares at k = 4' reads learner 'lasso' of lr, "
                + "which it does not evaluate (learners: model, leastSquares)");
        assertThat(ran).isEmpty();
        assertThat(iclab("reproduce", script.toString(), "--seeds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("reproduce: --seeds must be >= 1, was 0");
        Files.writeString(script, SCRIPT.substring(0, SCRIPT.indexOf("claims {")) + "sweep { axis 'seed', 0..1 }\n");
        assertThat(iclab("reproduce", script.toString(), "--out", tmp.resolve("runs").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("reproduce sets the seeds itself (--seeds); drop the sweep's seed axis to reproduce lr");
        assertThat(iclab("reproduce", tmp.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("reproduce: no such script or folder");
        assertThat(ran).isEmpty();
    }

    @Test
    void declaredRendersThePageOfClaimsNotYetRunAndSmokeWritesNothingBesideTheScripts() throws Exception {
        assertThat(iclab("reproduce", script.toString(), "--declared")).as(err.toString()).isZero();
        assertThat(ran).isEmpty();
        String page = Files.readString(tmp.resolve("paper").resolve("lr.md"));
        assertThat(page).contains("**Not yet run over seeds.**", "| the error falls with k |  | ≥ 0.5 |  |  | not run |");
        assertThat(page).isEqualTo(Page.render(Reproduction.read(tmp.resolve("paper").resolve("lr." + Reproduction.FILE))));

        Path smoke = tmp.resolve("smoke");
        assertThat(iclab("reproduce", script.toString(), "--smoke", "--out", smoke.toString())).as(err.toString()).isZero();
        assertThat(ran).singleElement().satisfies(e -> {
            assertThat(e.train().steps()).isEqualTo(4);
            assertThat(e.evaluate().prompts()).isEqualTo(8);
        });
        assertThat(smoke.resolve(Page.FILE)).isRegularFile();
        assertThat(Files.readString(tmp.resolve("paper").resolve("lr.md"))).as("the committed page is left alone").isEqualTo(page);
        JsonNode json = Json.MAPPER.readTree(smoke.resolve(Reproduction.FILE).toFile());
        assertThat(json.get("seeds")).hasSize(1);
    }
}
