package org.iclab.spec;

import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.strategy.NoisyY;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.LinearRegression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iclab.Iclab;
import org.iclab.io.Json;
import org.junit.jupiter.api.Test;

class StrategiesAndInputsSpecTest {
    private static Experiment.Builder base(int dims) {
        return Experiment.builder("v").task(new LinearRegression(dims)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny"));
    }

    @Test
    void labelsCarryTheParameterInAShortStableForm() {
        assertThat(Iclab.scaledX(2).label()).isEqualTo("scaledX(2)");
        assertThat(Iclab.scaledX(1.0 / 3).label()).isEqualTo("scaledX(0.333)");
        assertThat(Iclab.scaledY(0.5).label()).isEqualTo("scaledY(0.5)");
        assertThat(Iclab.noisyY(0.5).label()).isEqualTo("noisyY(0.5)");
        assertThat(Iclab.noisyY(1).label()).isEqualTo("noisyY(1)");
        assertThat(Strategy.number(2.0 / 3)).isEqualTo("0.667");
        assertThat(Strategy.number(1234.5)).isEqualTo("1235");
        assertThat(Strategy.number(100)).isEqualTo("100");
        assertThat(Strategy.number(0.0001234)).isEqualTo("0.000123");
        assertThat(Iclab.halfSubspace().label()).isEqualTo("halfSubspace");
    }

    @Test
    void theDefaultIsTheStandardStrategyAndAllIsGargsSet() {
        assertThat(base(5).build().evaluate().strategies()).containsExactly(new Standard());
        EvalPlan all = base(5).evaluate(e -> e.strategies(Iclab.all())).build().evaluate();
        assertThat(all.strategies()).hasSize(16).startsWith(new Standard()).endsWith(new NoisyY(1));
    }

    @Test
    void badStrategiesAreNamedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> Iclab.scaledX(0)).hasMessage("evaluate.strategies.scaledX: factor must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> Iclab.scaledY(Double.NaN)).hasMessage("evaluate.strategies.scaledY: factor must be a finite number > 0, was NaN");
        assertThatThrownBy(() -> Iclab.noisyY(-1)).hasMessage("evaluate.strategies.noisyY: sigma must be a finite number > 0, was -1.0");
        assertThatThrownBy(() -> base(5).evaluate(e -> e.strategies(Iclab.standard(), Iclab.scaledX(2), Iclab.scaledX(2.0))).build())
                .hasMessage("evaluate: strategies must not repeat a strategy (labels must differ), was [standard, scaledX(2), scaledX(2)]");
        assertThatThrownBy(() -> base(5).evaluate(e -> e.strategies(Iclab.scaledX(1.0 / 3), Iclab.scaledX(0.333))).build())
                .as("factors that print alike would share a label, a plot and a seed")
                .hasMessage("evaluate: strategies must not repeat a strategy (labels must differ), was [scaledX(0.333), scaledX(0.333)]");
        assertThatThrownBy(() -> base(5).evaluate(e -> e.strategies()).build())
                .hasMessage("evaluate: strategies must name at least one strategy, was []");
        assertThatThrownBy(() -> base(1).prompt(new Interleaved(3)).evaluate(e -> e.strategies(Iclab.halfSubspace())).build())
                .hasMessage("evaluate: strategies may hold halfSubspace only where task.dims >= 2 (it spans task.dims / 2 directions), was task.dims 1");
    }

    @Test
    void badInputsAreNamedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> Iclab.gaussian(0)).hasMessage("inputs: scale must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> Iclab.gaussian(1, Double.POSITIVE_INFINITY, "isotropic"))
                .hasMessage("inputs: bias must be a finite number, was Infinity");
        assertThatThrownBy(() -> Iclab.gaussian(1, 0, "skew"))
                .hasMessage("inputs: covariance must be one of [isotropic, skewed, lowRank], was 'skew'");
        assertThatThrownBy(() -> Iclab.gaussian(1, 0, "skewed", 3))
                .hasMessage("inputs: rank is only taken by covariance 'lowRank', was 'skewed'");
        assertThatThrownBy(() -> Iclab.gaussian(1, 0, "lowRank", 0)).hasMessage("inputs: rank must be > 0, was 0");
        assertThatThrownBy(() -> base(5).inputs(Iclab.gaussian(1, 0, "lowRank", 6)).build())
                .hasMessage("inputs: rank must be <= task.dims, was 6 > 5");
        assertThatThrownBy(() -> base(1).prompt(new Interleaved(3)).inputs(Iclab.gaussian(1, 0, "lowRank")).build())
                .hasMessage("inputs: rank must be set where task.dims < 2 (its default is task.dims / 2), was missing with task.dims 1");
        assertThat(base(5).inputs(Iclab.gaussian(1, 0, "lowRank")).build().inputs()).isEqualTo(new Gaussian(1, 0, "lowRank", null));
    }

    @Test
    void strategiesAndInputsSurviveAJsonRoundTrip() {
        Experiment e = base(6).inputs(Iclab.gaussian(2, 0.5, "lowRank", 4))
                .evaluate(x -> x.strategies(Iclab.all())).build();
        String json = Json.write(e);
        assertThat(json).contains("\"type\" : \"scaledX\"", "\"factor\" : 0.3333333333333333", "\"covariance\" : \"lowRank\"");
        assertThat(Json.readExperiment(json, "test")).isEqualTo(e);
        Experiment skewed = base(6).inputs(Iclab.gaussian(1, 0, "skewed")).build();
        assertThat(Json.readExperiment(Json.write(skewed), "test")).isEqualTo(skewed);
    }

    @Test
    void specJsonFromBeforeStrategiesAndInputSettingsStillLoads() {
        Experiment e = base(5).build();
        String old = Json.write(e)
                .replaceAll("\"inputs\" : \\{[^}]*\\}", "\"inputs\" : { \"type\" : \"gaussian\" }")
                .replaceAll(",\\s*\"strategies\" : \\[[^]]*\\]", "");
        assertThat(old).doesNotContain("strategies", "covariance");
        assertThat(Json.readExperiment(old, "old spec.json")).isEqualTo(e);
    }

    @Test
    void badJsonIsReportedAsTheRecordsReportIt() {
        String json = Json.write(base(5).evaluate(x -> x.strategies(Iclab.noisyY(1))).build()).replace("\"sigma\" : 1.0", "\"sigma\" : 0");
        assertThatThrownBy(() -> Json.readExperiment(json, "spec.json"))
                .hasMessage("evaluate.strategies.noisyY: sigma must be a finite number > 0, was 0.0");
    }
}
