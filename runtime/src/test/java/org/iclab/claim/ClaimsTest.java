package org.iclab.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims read over run files written by hand, weighed over seeds, recorded and rendered. */
class ClaimsTest {
    @TempDir
    Path tmp;

    static Experiment experiment(String name, long seed) {
        return Iclab.experiment(name).seed(seed).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny"))
                .train(t -> t.steps(300)).evaluate(e -> e.baselines(Iclab.leastSquares())).build();
    }

    /** A run directory holding what a finished run writes, with the model's error at k falling as 1 / (k + 1) + offset. */
    Path run(String name, long seed, double offset) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name + "-" + seed));
        Json.writeFile(dir.resolve("spec.json"), experiment(name, seed));
        StringBuilder csv = new StringBuilder("strategy,learner,k,error,ci_low,ci_high\n");
        for (int k = 0; k <= 4; k++) {
            double model = 1.0 / (k + 1) + offset;
            csv.append("standard,model,").append(k).append(',').append(model).append(',').append(model - 0.01).append(',').append(model + 0.01).append('\n');
            csv.append("standard,leastSquares,").append(k).append(",0.5,0.4,0.6\n");
        }
        Files.writeString(dir.resolve("eval.csv"), csv);
        Files.writeString(dir.resolve("eval.json"), EvalJson.of(csv.toString()));
        Files.writeString(dir.resolve("metrics.jsonl"), """
                {"step":100,"loss":2.0,"lr":0.001}
                {"step":200,"loss":1.5,"lr":0.001}
                {"step":300,"loss":0.4,"lr":0.001}
                {"step":300,"induction":{"standard":{"L1H1":0.9}},"error":{"standard":[0.5,0.25]}}
                """);
        Files.writeString(dir.resolve("probes.csv"), """
                probe,target,layer,k,score,ci_low,ci_high
                linear,weights,1,1,0.2,0.1,0.3
                linear,weights,1,2,0.4,0.3,0.5
                linear,weights,2,1,0.8,0.7,0.9
                iterate,gradientDescent(1),,1,0.6,0.5,0.7
                iterate,gradientDescent(1),,2,0.4,0.3,0.5
                """);
        return dir;
    }

    @Test
    void readingsComeFromTheRunFiles() throws Exception {
        RunFiles r = RunFiles.of(Map.of("lr", run("lr", 0, 0)));
        assertThat(r.eval("lr", "error", "model", "standard", 3)).isEqualTo(0.25);
        assertThat(r.eval("lr", "ci_high", "leastSquares", "standard", 0)).isEqualTo(0.6);
        Path conj = Files.createDirectories(tmp.resolve("conj"));
        Experiment classification = Iclab.experiment("conj").task(Iclab.conjunction(4)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny")).build();
        Json.writeFile(conj.resolve("spec.json"), classification);
        Files.writeString(conj.resolve("eval.json"), """
                [ {"strategy": "standard", "learner": "model", "k": 3, "error": 0.25, "ci_low": 0.2, "ci_high": null, "accuracy": 0.75} ]
                """);
        RunFiles c = RunFiles.of(Map.of("conj", conj));
        assertThat(c.eval("conj", "accuracy", "model", "standard", 3)).as("a classification's accuracy").isEqualTo(0.75);
        assertThat(c.eval("conj", "ci_high", "model", "standard", 3)).as("null: no value").isNaN();
        assertThatThrownBy(() -> c.eval("conj", "accuracy_ci_low", "model", "standard", 3)).hasMessageContaining("eval.json has no accuracy_ci_low for model");
        assertThat(r.metric("lr", "loss", 250)).isEqualTo(1.5);
        assertThat(r.metric("lr", "loss", 300)).isEqualTo(0.4);
        assertThat(r.metric("lr", "induction/standard/L1H1", 300)).as("a measure, by its path").isEqualTo(0.9);
        assertThat(r.metric("lr", "error/standard/1", 300)).as("the model's error at k during training").isEqualTo(0.25);
        assertThat(r.firstStep("lr", "loss", 1.5, true)).isEqualTo(200L);
        assertThatThrownBy(() -> r.firstStep("lr", "loss", 0.1, true)).as("a reading that fails: the claim does not hold")
                .hasMessage("lr's loss never comes down to 0.1");
        assertThat(r.firstStep("lr", "loss", 2.0, false)).isEqualTo(100L);
        assertThat(r.steepestStep("lr", "loss", false)).as("the loss falls fastest from 200 to 300").isEqualTo(300L);
        assertThat(r.steepestStep("lr", "loss", true)).as("it never rises: the least fall").isEqualTo(200L);
        assertThat(r.probe("lr", "linear", "weights", 1, null)).isCloseTo(0.3, within(1e-12));
        assertThat(r.probe("lr", "linear", "weights", 2, 1)).isEqualTo(0.8);
        assertThat(r.probe("lr", "iterate", "gradientDescent(1)", null, 2)).as("rows without a layer").isEqualTo(0.4);
        assertThat(r.probe("lr", "iterate", "gradientDescent(1)", null, null)).isCloseTo(0.5, within(1e-12));
        assertThat(r.maxK("lr")).isEqualTo(4);
        assertThatThrownBy(() -> r.metric("lr", "loss", 50)).hasMessageContaining("logs no loss at or before step 50");
        assertThatThrownBy(() -> r.probe("lr", "linear", "weights", 3, null)).hasMessageContaining("no linear probe of weights at layer 3 (layers: 1, 2)");
    }

    @Test
    void whatAClaimReadsIsCheckedAgainstTheScript() throws Exception {
        RunFiles r = RunFiles.of(Map.of("lr", run("lr", 0, 0)));
        assertThatThrownBy(() -> r.eval("lx", "error", "model", "standard", 1)).isInstanceOf(ClaimException.class)
                .hasMessage("reads experiment 'lx', which the script does not declare (experiments: lr)");
        assertThatThrownBy(() -> r.eval("lr", "error", "ridge", "standard", 1)).isInstanceOf(ClaimException.class)
                .hasMessage("reads learner 'ridge' of lr, which it does not evaluate (learners: model, leastSquares)");
        assertThatThrownBy(() -> r.eval("lr", "error", "model", "scaledX(2)", 1)).isInstanceOf(ClaimException.class)
                .hasMessage("reads strategy 'scaledX(2)' of lr, which it does not evaluate (strategies: standard)");
        assertThatThrownBy(() -> r.eval("lr", "error", "model", "standard", 5)).isInstanceOf(ClaimException.class)
                .hasMessage("reads k = 5 of lr, which evaluates k = 0..4");
        assertThatThrownBy(() -> r.eval("lr", "eror", "model", "standard", 1)).isInstanceOf(ClaimException.class)
                .hasMessage("reads the column 'eror' of lr, whose evaluation reports error, ci_low, ci_high");
        assertThatThrownBy(() -> r.eval("lr", "accuracy", "model", "standard", 1)).as("no accuracy for squared error")
                .hasMessage("reads the column 'accuracy' of lr, whose evaluation reports error, ci_low, ci_high");
        DeclaredResults declared = new DeclaredResults(Map.of("lr", experiment("lr", 0)), Map.of());
        assertThatThrownBy(() -> declared.metric("lr", "loss", 301)).hasMessage("reads lr at step 301, which trains for 300 steps");
        assertThatThrownBy(() -> declared.probe("lr", "linear", "weights", 1, null)).hasMessage("reads a linear probe of lr, which declares no probes");
        Experiment probed = Iclab.experiment("p").task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny"))
                .probes(p -> p.linear(Iclab.weights())).build();
        DeclaredResults withProbes = new DeclaredResults(Map.of("p", probed), Map.of());
        assertThat(withProbes.probe("p", "linear", "weights", 2, null)).isEqualTo(DeclaredResults.STAND_IN);
        assertThatThrownBy(() -> withProbes.probe("p", "linear", "leastSquaresEstimate", 2, null))
                .hasMessage("reads the linear probe of leastSquaresEstimate of p, which its probes do not write (they write: linear weights)");
    }

    @Test
    void aSweptExperimentIsReadAtAPoint() throws Exception {
        Path a = run("div", 0, 0);
        Path b = run("div", 1, 0.5);
        Map<String, Map<String, List<String>>> axes = Map.of("div", Map.of("train.pool.tasks", List.of("2", "inf")));
        RunFiles r = new RunFiles(Map.of("div", experiment("div", 0)), axes,
                Map.of("div", Map.of(Map.of("train.pool.tasks", "2"), a, Map.of("train.pool.tasks", "inf"), b)));
        assertThat(r.eval("div", Map.of("train.pool.tasks", "inf"), "error", "model", "standard", 1)).isEqualTo(1.0);
        assertThat(r.axis("div", "train.pool.tasks")).containsExactly("2", "inf");
        assertThatThrownBy(() -> r.eval("div", "error", "model", "standard", 1)).isInstanceOf(ClaimException.class)
                .hasMessageContaining("a sweep over train.pool.tasks: say which point");
        assertThatThrownBy(() -> r.eval("div", Map.of("train.pool.tasks", "4"), "error", "model", "standard", 1))
                .hasMessageContaining("which the sweep does not take (values: 2, inf)");
        assertThatThrownBy(() -> r.metric("div", "loss", 100)).hasMessageContaining("metrics and probes are read from experiments that are not swept");
    }

    @Test
    void aClaimGivesANumberWithinItsBoundOrAYesOrNo() throws Exception {
        RunFiles r = RunFiles.of(Map.of("lr", run("lr", 0, 0)));
        Claim number = new Claim("falls", null, Bound.atMost(0.3), x -> x.eval("lr", "error", "model", "standard", 4), null);
        assertThat(number.read(r)).isEqualTo(new Claim.Reading(0.2, true, null));
        Claim yes = new Claim("below ls", null, null, x -> x.eval("lr", "error", "model", "standard", 4) < x.eval("lr", "error", "leastSquares", "standard", 4), null);
        assertThat(yes.read(r)).isEqualTo(new Claim.Reading(null, true, null));
        Claim missing = new Claim("missing", null, Bound.atLeast(0), x -> x.metric("lr", "accuracy", 300), null);
        assertThat(missing.read(r).holds()).isFalse();
        assertThat(missing.read(r).error()).contains("logs no accuracy");
        Claim unbounded = new Claim("unbounded", null, null, x -> 0.5, null);
        assertThatThrownBy(() -> unbounded.reading(0.5)).isInstanceOf(ClaimException.class).hasMessage("claim 'unbounded' gives a number: say where it must lie with atLeast:, atMost: or within:");
        assertThat(unbounded.read(r)).as("read over runs, a failed reading").isEqualTo(new Claim.Reading(null, false,
                "claim 'unbounded' gives a number: say where it must lie with atLeast:, atMost: or within:"));
        Claim bounded = new Claim("bounded", null, Bound.within(0, 1), x -> true, null);
        assertThatThrownBy(() -> bounded.reading(true)).isInstanceOf(ClaimException.class).hasMessageContaining("takes no bound (in [0, 1])");
        assertThat(Bound.within(0.45, 0.55).holds(0.5)).isTrue();
        assertThat(Bound.within(0.45, 0.55).holds(0.56)).isFalse();
        assertThat(Bound.atLeast(1).holds(Double.NaN)).isFalse();
        assertThatThrownBy(() -> Bound.within(1, 0)).hasMessageContaining("low end 1.0 is above its high end 0.0");
    }

    @Test
    void overSeedsAClaimHoldsIsMixedOrFailsWithItsMeanAndInterval() throws Exception {
        Claim claim = new Claim("error at k = 4 is at most 0.5", "Fig. 1: 0.4", Bound.atMost(0.5), x -> x.eval("lr", "error", "model", "standard", 4), "s.groovy:3");
        List<Claim.Reading> readings = new java.util.ArrayList<>();
        double[] offsets = {0.0, 0.1, 0.4};
        for (int i = 0; i < 3; i++) {
            readings.add(claim.read(RunFiles.of(Map.of("lr", run("lr", i, offsets[i])))));
        }
        Outcome o = Outcome.of(claim, List.of(0L, 1L, 2L), readings);
        assertThat(o.values()).containsExactly(0.2, 0.30000000000000004, 0.6000000000000001);
        assertThat(o.holds()).containsExactly(true, true, false);
        assertThat(o.verdict()).isEqualTo(Verdict.MIXED);
        // Student's t interval for the mean, t(0.95, 2) = 2.919986 from the tables
        double mean = (0.2 + 0.3 + 0.6) / 3;
        double sd = Math.sqrt((Math.pow(0.2 - mean, 2) + Math.pow(0.3 - mean, 2) + Math.pow(0.6 - mean, 2)) / 2);
        assertThat(o.mean()).isCloseTo(mean, within(1e-12));
        assertThat(o.low()).isCloseTo(mean - 2.919986 * sd / Math.sqrt(3), within(1e-5));
        assertThat(o.high()).isCloseTo(mean + 2.919986 * sd / Math.sqrt(3), within(1e-5));
        assertThat(Outcome.of(claim, List.of(0L, 1L), readings.subList(0, 2)).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(Outcome.of(claim, List.of(2L), readings.subList(2, 3)).verdict()).isEqualTo(Verdict.FAILS);
        assertThat(Outcome.of(claim, List.of(2L), readings.subList(2, 3)).low()).as("no interval from one seed").isNull();
        assertThat(Outcome.of(claim, List.of(), List.of()).verdict()).isEqualTo(Verdict.NOT_RUN);
        Claim.Reading failed = new Claim("x", null, null, x -> { throw new IllegalStateException("no eval.csv"); }, null).read(RunFiles.of(Map.of()));
        assertThat(Outcome.of(claim, List.of(0L, 1L), List.of(readings.get(0), failed)).verdict()).isEqualTo(Verdict.MIXED);
    }

    @Test
    void aReproductionRoundTripsAndItsPageIsRenderedFromItAlone() throws Exception {
        Claim claim = new Claim("error at k = 4 is at most 0.5", "Fig. 1: 0.4", Bound.atMost(0.5), x -> x.eval("lr", "error", "model", "standard", 4), "s.groovy:3");
        List<Claim.Reading> readings = List.of(claim.read(RunFiles.of(Map.of("lr", run("lr", 0, 0)))), claim.read(RunFiles.of(Map.of("lr", run("lr", 1, 0.4)))));
        Provenance p = new Provenance("abc123", false, "Test CPU", 2, "17", "2.16.1", "2026-12-07T00:00:00Z", 61);
        Reproduction r = new Reproduction("paper", List.of("s.groovy"), "./iclab reproduce s.groovy --seeds 2", List.of(0L, 1L),
                List.of("tiny model"), p, List.of(new Reproduction.Run("lr", 0, Map.of(), "done", null, p),
                        new Reproduction.Run("lr", 1, Map.of(), "failed", "diverged", null)),
                List.of(Outcome.of(claim, List.of(0L, 1L), readings)));
        Path file = tmp.resolve(Reproduction.FILE);
        r.write(file);
        Reproduction back = Reproduction.read(file);
        assertThat(back).isEqualTo(r);
        String page = Page.render(back);
        assertThat(page).isEqualTo(Page.render(r));
        assertThat(page).contains("# paper", "[s.groovy](s.groovy)", "0 of 1 hold at every seed, 1 at some, 0 at none",
                "| error at k = 4 is at most 0.5 | Fig. 1: 0.4 | ≤ 0.5 | 0.4 [", "0.2 ✓, 0.6 ✗ | **mixed** |",
                "- tiny model", "Commit `abc123`, Test CPU, 2 TensorFlow threads", "after 1 min 01 s",
                "| lr | 1 |  | failed: diverged |");
        Reproduction declared = new Reproduction("paper", List.of("s.groovy"), null, List.of(), List.of(), null, List.of(),
                List.of(Outcome.of(claim, List.of(), List.of())));
        assertThat(Page.render(declared)).contains("**Not yet run over seeds.**", "| not run |").doesNotContain("Provenance");
    }

    private static Outcome cited(String paper, Verdict verdict) {
        return new Outcome("a claim", paper, null, "s.groovy:1", List.of(), List.of(), List.of(), List.of(), null, null, null, verdict);
    }

    @Test
    void theTableCountsEachPapersClaimsOverThePagesInPaperFolders() {
        java.util.function.Function<List<Outcome>, Reproduction> page = claims ->
                new Reproduction("p", List.of("s.groovy"), null, List.of(), List.of(), null, List.of(), claims);
        java.util.SortedMap<String, Reproduction> pages = new java.util.TreeMap<>(Map.of(
                "scripts/a2023/README.md", page.apply(List.of(cited("Alpha et al. 2023, Fig. 1: it holds", Verdict.HOLDS),
                        cited("Beta 2024: x", Verdict.FAILS))),
                "scripts/b2024/small/x.md", page.apply(List.of(cited("Beta 2024: y", Verdict.HOLDS),
                        cited("Alpha et al. 2023: z", Verdict.NOT_RUN), cited("Beta 2024 (appendix): w", Verdict.HOLDS))),
                "scripts/c2025/y.md", page.apply(List.of(cited("Gamma 2025: only", Verdict.HOLDS), cited("no year here", Verdict.FAILS))),
                "scripts/quickstart.md", page.apply(List.of(cited("Alpha et al. 2023: a demo", Verdict.FAILS)))));
        String table = Page.table(pages);
        String byPaper = table.substring(table.indexOf("By paper"));
        assertThat(byPaper).contains("| Alpha et al. 2023 | 2 | 1 | 0 | 0 | 1 | no |", "| Beta 2024 | 3 | 2 | 0 | 1 | 0 | no |",
                "| Gamma 2025 | 1 | 1 | 0 | 0 | 0 | yes |");
        assertThat(byPaper.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Paper"))).hasSize(3);
    }

    /** eval.json's rows for an eval.csv written by hand (as a run writes both). */
    static final class EvalJson {
        static String of(String csv) {
            List<String> lines = csv.lines().toList();
            String[] header = lines.get(0).split(",");
            List<String> rows = new java.util.ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                StringBuilder row = new StringBuilder("{");
                for (int i = 0; i < header.length; i++) {
                    row.append(i == 0 ? "" : ", ").append('"').append(header[i]).append("\": ")
                            .append(i < 2 ? "\"" + f[i] + "\"" : f[i]);
                }
                rows.add(row.append('}').toString());
            }
            return "[" + String.join(",\n", rows) + "]";
        }
    }
}
