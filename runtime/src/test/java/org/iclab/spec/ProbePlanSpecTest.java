package org.iclab.spec;

import org.iclab.spec.model.Gpt2;
import org.iclab.spec.probe.AlignmentProbe;
import org.iclab.spec.probe.AttentionProbe;
import org.iclab.spec.probe.Newton;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.task.ReluNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.junit.jupiter.api.Test;

/** The probe plan: defaults, validation messages, and spec.json with and without probes. */
class ProbePlanSpecTest {
    private static Experiment.Builder base() {
        return Experiment.builder("p").task(new LinearRegression(5)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny"));
    }

    @Test
    void theIssuesDeclarationBuildsWithItsDefaults() {
        Experiment e = base().probes(p -> p.linear(Iclab.weights(), Layers.all(), Positions.last())
                .linear(Iclab.leastSquaresEstimate()).linear(Iclab.momentXy()).linear(Iclab.gradientDescentIterate(1))
                .readout().alignment(Iclab.newton()).attention().control("weights", Iclab.constant())).build();
        ProbePlan plan = e.probes();
        assertThat(plan.prompts()).isEqualTo(1024);
        assertThat(plan.heldOut()).isEqualTo(512);
        assertThat(plan.penalty()).isEqualTo(1e-3);
        assertThat(plan.linear()).extracting(l -> l.target().label())
                .containsExactly("weights", "leastSquaresEstimate", "momentXy", "gradientDescentIterate(1)");
        assertThat(plan.all(AlignmentProbe.class).get(0).with().iterates()).hasSize(20).startsWith(1).endsWith(20);
        assertThat(plan.all(AttentionProbe.class).get(0).prompts()).isEqualTo(4);
        assertThat(Positions.last().resolve(11)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Layers.all().resolve(4)).containsExactly(0, 1, 2, 3);
        assertThat(Iclab.gradientDescentIterate(2, 0.1).label()).isEqualTo("gradientDescentIterate(2;lr=0.1)");
        assertThat(Iclab.gradientDescent(3, 0.5).label(2)).isEqualTo("gradientDescent(2;lr=0.5)");
    }

    @Test
    void probesSurviveAJsonRoundTripAndOldSpecsHaveNone() {
        Experiment e = base().probes(p -> p.linear(Iclab.weights(), Layers.of(0, 3), Positions.of(2, 5))
                .linear(Iclab.gradientDescentIterate(3, 0.25)).linear(Iclab.weights(), Layers.all(), Positions.contextToken()).readout(Layers.of(1)).alignment(Iclab.gradientDescent(5))
                .alignment(new Newton(List.of(0, 2, 4))).attention(2).control(Iclab.shuffled()).heldOut(64).prompts(128)).build();
        String json = Json.write(e);
        assertThat(json).contains("\"layers\" : [ 0, 3 ]", "\"position\" : [ 2, 5 ]", "\"layers\" : \"all\"", "\"position\" : \"last\"",
                "\"type\" : \"gradientDescentIterate\"", "\"lr\" : null", "\"position\" : \"context\"");
        assertThat(Json.readExperiment(json, "spec.json")).isEqualTo(e);
        Experiment plain = base().build();
        assertThat(plain.probes()).isNull();
        assertThat(Json.write(plain)).doesNotContain("probes");
        // a spec.json written before probes existed is exactly what a run without probes writes
        assertThat(Json.readExperiment(Json.write(plain), "old spec.json")).isEqualTo(plain);
        assertThat(e.withProbes(null)).isEqualTo(plain.toBuilder().name("p").build());
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    @Test
    void planProblemsNameTheSettingTheRuleAndTheValue() {
        assertThatThrownBy(() -> ProbePlan.builder().build())
                .hasMessage("probes: probes must declare at least one probe (linear, pooled, readout, alignment, attention), was none");
        assertThatThrownBy(() -> ProbePlan.builder().readout().readout().prompts(1).penalty(0).build())
                .hasMessage("3 problems:\n"
                        + "  - probes: prompts must be >= 2, was 1\n"
                        + "  - probes: penalty must be a finite number > 0, was 0.0\n"
                        + "  - probes: readout may be declared once, was 2 times");
        assertThatThrownBy(() -> ProbePlan.builder().linear(Iclab.momentXy()).linear(Iclab.momentXy()).build())
                .hasMessage("probes: linear must not repeat a target at the same token (one linear probe per target and token, over every layer it"
                        + " lists), was [momentXy, momentXy]");
        assertThatThrownBy(() -> ProbePlan.builder().linear(Iclab.momentXy()).control("weights", Iclab.constant()).build())
                .hasMessage("probes: control must name the target of a linear or pooled probe (their targets: momentXy), was 'weights'");
        assertThatThrownBy(() -> ProbePlan.builder().attention(10).heldOut(8).build())
                .hasMessage("probes: attention.prompts must be <= heldOut (8), was 10");
        assertThatThrownBy(() -> Iclab.gradientDescentIterate(0)).hasMessage("probes.gradientDescentIterate: steps must be >= 1, was 0");
        assertThatThrownBy(() -> new Newton(List.of())).hasMessage("probes.newton: iterations must name at least one iteration, was []");
        assertThatThrownBy(() -> Layers.of(-1)).hasMessage("probes: layers must be >= 0 (0 = the embedded input), was [-1]");
    }

    @Test
    void probesMustFitTheModelTheTaskAndThePrompts() {
        assertThatThrownBy(() -> base().probes(p -> p.readout(Layers.of(0, 4))).build())
                .hasMessage("probes: layers must be <= model.layers (3; 0 is the embedded input), was [0, 4]");
        assertThatThrownBy(() -> base().probes(p -> p.linear(Iclab.momentXy(), Layers.all(), Positions.of(11))).build())
                .hasMessage("probes: position must be < evaluate.points (11), was [11]");
        assertThatThrownBy(() -> Experiment.builder("p").task(new ReluNetwork(5)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny"))
                .probes(p -> p.linear(Iclab.weights())).build())
                .hasMessage("probes: linear.target weights() needs a linear function class (linearRegression, sparseLinearRegression,"
                        + " noisyLinearRegression, linearClassification), was ReluNetwork");
        // every other target is a function of the context, so any task has it
        assertThat(Experiment.builder("p").task(new ReluNetwork(5)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny"))
                .probes(p -> p.linear(Iclab.leastSquaresEstimate())).build().probes()).isNotNull();
    }
}
