package org.iclab.spec;

import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GradientBoosting;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.spec.baseline.Lasso;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.baseline.Ridge;
import org.iclab.spec.baseline.Zero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.junit.jupiter.api.Test;

/** The baseline records: names, JSON round trips (alone and inside spec.json) and validation messages. */
class BaselineSpecTest {
    private static final List<Baseline> ALL = List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging(),
            new Ridge(), new Ridge(0.1), new Lasso(0.01), new Lasso(1e-4), new GreedyTree(), new GreedyTree(0),
            new GreedyTree(7), new GradientBoosting(), new GradientBoosting(20, 3, 0.1), new GradientDescentNet(),
            new GradientDescentNet(50, 100, 0.01, 100), new Zero());

    @Test
    void namesEncodeTheSettingsThatTellLearnersApart() {
        assertThat(ALL).extracting(Baseline::learnerName).containsExactly("leastSquares", "nearestNeighbors", "averaging",
                "ridge(1)", "ridge(0.1)", "lasso(0.01)", "lasso(0.0001)", "greedyTree(4)", "greedyTree(unlimited)",
                "greedyTree(7)", "gradientBoosting", "gradientBoosting(rounds=20;maxDepth=3;learningRate=0.1)",
                "gradientDescentNet", "gradientDescentNet(hidden=50;lr=0.01)", "zero");
        // results are comma-separated: no name may hold a comma
        assertThat(ALL).extracting(Baseline::learnerName).noneMatch(n -> n.contains(","));
    }

    @Test
    void gargsLassoSweepAndBothTreesFitInOneEvaluation() {
        EvalPlan plan = EvalPlan.builder().baselines(Iclab.lasso(1), Iclab.lasso(0.1), Iclab.lasso(0.01), Iclab.lasso(0.001),
                Iclab.lasso(0.0001), Iclab.greedyTree(4), Iclab.greedyTree(GreedyTree.UNLIMITED), Iclab.ridge(),
                Iclab.gradientBoosting(), Iclab.gradientDescentNet(), Iclab.zero()).build(11);
        assertThat(plan.baselines()).hasSize(11);
        assertThatThrownBy(() -> EvalPlan.builder().baselines(Iclab.lasso(0.1), new Lasso(0.1)).build(11))
                .hasMessage("evaluate: baselines must not repeat a learner, was [lasso(0.1), lasso(0.1)]");
    }

    @Test
    void everyBaselineSurvivesAJsonRoundTrip() throws Exception {
        for (Baseline b : ALL) {
            String json = Json.write(b);
            assertThat(Json.MAPPER.readValue(json, Baseline.class)).as(json).isEqualTo(b);
        }
        assertThat(Json.write(new GreedyTree(0))).doesNotContain("unlimited"); // a derived value, not a setting
        assertThat(Json.MAPPER.readValue("{\"type\": \"lasso\", \"alpha\": 0.01}", Baseline.class)).isEqualTo(new Lasso(0.01));
    }

    @Test
    void anExperimentWithTheNewBaselinesLoadsBackFromSpecJson() {
        Experiment e = Iclab.experiment("x").task(Iclab.linearRegression(5)).prompt(Iclab.interleaved(11)).model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.baselines(ALL.stream().filter(b -> !(b instanceof GreedyTree t && t.maxDepth() == 7)
                        && !(b instanceof Ridge r && r.alpha() == 0.1)).toList()))
                .build();
        assertThat(Json.readExperiment(Json.write(e), "spec.json")).isEqualTo(e);
    }

    @Test
    void badSettingsAreNamedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> new Ridge(0)).hasMessage("evaluate.baselines.ridge: alpha must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> new Lasso(-0.1)).hasMessage("evaluate.baselines.lasso: alpha must be a finite number > 0, was -0.1");
        assertThatThrownBy(() -> new Lasso(Double.NaN)).hasMessage("evaluate.baselines.lasso: alpha must be a finite number > 0, was NaN");
        assertThatThrownBy(() -> new GreedyTree(-1)).hasMessage("evaluate.baselines.greedyTree: maxDepth must be >= 0 (0: unlimited), was -1");
        assertThatThrownBy(() -> new GradientBoosting(0, 0, 0.3)).hasMessage("2 problems:\n"
                + "  - evaluate.baselines.gradientBoosting: rounds must be > 0, was 0\n"
                + "  - evaluate.baselines.gradientBoosting: maxDepth must be > 0, was 0");
        assertThatThrownBy(() -> new GradientDescentNet(100, 100, Double.POSITIVE_INFINITY, 0)).hasMessage("2 problems:\n"
                + "  - evaluate.baselines.gradientDescentNet: lr must be a finite number > 0, was Infinity\n"
                + "  - evaluate.baselines.gradientDescentNet: batch must be > 0, was 0");
        assertThatThrownBy(() -> Json.readExperiment("{\"name\": \"x\", \"evaluate\": {\"baselines\": [{\"type\": \"ridge\", \"alpha\": -1}]}}",
                "spec.json")).isInstanceOf(SpecException.class).hasMessageContaining("alpha must be a finite number > 0, was -1.0");
    }

    @Test
    void defaultsAreScikitLearnsAndGargs() {
        assertThat(new Ridge().alpha()).isEqualTo(1.0);
        assertThat(new GreedyTree().maxDepth()).isEqualTo(4);
        assertThat(new GradientBoosting()).isEqualTo(new GradientBoosting(100, 6, 0.3));
        assertThat(new GradientDescentNet()).isEqualTo(new GradientDescentNet(100, 100, 5e-3, 100));
    }
}
