package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.Layers;
import org.iclab.spec.probe.Newton;
import org.iclab.spec.Positions;
import org.iclab.spec.ProbePlan;
import org.junit.jupiter.api.Test;

/** The {@code probes { }} block: the issue's declaration, the words' forms, errors with their lines, and describe. */
class ProbeWordsTest {
    private static final String HEAD = "experiment('x') {\n  task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2('tiny')\n";

    private static ProbePlan probes(String block) {
        return ExperimentScripts.evaluate(HEAD + "  probes {\n" + block + "\n  }\n}", "p.groovy").get(0).experiment().probes();
    }

    private static String error(String block) {
        ScriptException e = catchThrowableOfType(() -> probes(block), ScriptException.class);
        assertThat(e).as("the script should fail").isNotNull();
        return e.getMessage();
    }

    @Test
    void theIssuesDeclarationIsTheJavaPlan() {
        ProbePlan plan = probes("""
                linear(target: weights(), layers: all(), position: 'last')       // ridge probe hidden state -> w
                linear(target: leastSquaresEstimate(), layers: all())           // -> w_OLS of the context
                linear(target: momentXy())                                        // -> X^T y / k
                linear(target: gradientDescentIterate(steps: 1, lr: 'best'))
                readout(layers: all())               // retrain only a read-out on each layer's hidden state (Fu et al.)
                alignment(with: newton(iterations: 1..20), layers: all())       // which iterate each layer's read-out matches
                attention()                          // attention maps per layer and head for a few prompts
                control(weights: constant())         // control task: the same probe on a task where the target is uninformative
                """);
        ProbePlan java = Experiment.builder("x").task(Iclab.linearRegression(5)).prompt(Iclab.interleaved(11)).model(Iclab.gpt2("tiny"))
                .probes(p -> p.linear(Iclab.weights()).linear(Iclab.leastSquaresEstimate()).linear(Iclab.momentXy())
                        .linear(Iclab.gradientDescentIterate(1)).readout().alignment(Iclab.newton(20)).attention()
                        .control("weights", Iclab.constant()))
                .build().probes();
        assertThat(plan).isEqualTo(java);
    }

    @Test
    void layersPositionsIterationsAndStepSizesInEveryForm() {
        ProbePlan plan = probes("""
                prompts 256; heldOut 128; penalty 1e-4
                linear(target: momentXy(), layers: [0, 2], position: [1, 5])
                linear(target: gradientDescentIterate(steps: 3, lr: 0.1), layers: 1..3, position: 4)
                linear(target: leastSquaresEstimate(), layers: 2)
                linear(target: leastSquaresEstimate(), position: 'context')
                readout(layers: 'all')
                alignment(with: newton(iterations: [0, 4, 8]), layers: 1..2)
                alignment(with: gradientDescent(steps: 5, lr: 0.2))
                attention(prompts: 2)
                control(shuffled())
                """);
        assertThat(plan.prompts()).isEqualTo(256);
        assertThat(plan.heldOut()).isEqualTo(128);
        assertThat(plan.penalty()).isEqualTo(1e-4);
        assertThat(plan.linear().get(0).layers()).isEqualTo(Layers.of(0, 2));
        assertThat(plan.linear().get(0).position()).isEqualTo(Positions.of(1, 5));
        assertThat(plan.linear().get(1).target()).isEqualTo(Iclab.gradientDescentIterate(3, 0.1));
        assertThat(plan.linear().get(1).layers()).isEqualTo(Layers.of(1, 2, 3));
        assertThat(plan.linear().get(1).position()).isEqualTo(Positions.of(4));
        assertThat(plan.linear().get(2).layers()).isEqualTo(Layers.of(2));
        assertThat(plan.linear().get(3).position()).isEqualTo(Positions.contextToken());
        assertThat(plan.linear().get(3).label()).isEqualTo("leastSquaresEstimate@context");
        assertThat(plan.all(org.iclab.spec.probe.ReadoutProbe.class).get(0).layers()).isEqualTo(Layers.all());
        assertThat(plan.all(org.iclab.spec.probe.AlignmentProbe.class)).extracting(a -> a.with())
                .containsExactly(new Newton(List.of(0, 4, 8)), Iclab.gradientDescent(5, 0.2));
        assertThat(plan.all(org.iclab.spec.probe.AttentionProbe.class).get(0).prompts()).isEqualTo(2);
        assertThat(plan.all(org.iclab.spec.probe.ControlProbe.class).get(0).target()).isNull();
        // all() is still every strategy where strategies are taken
        Experiment e = ExperimentScripts.evaluate(HEAD + "  evaluate { strategies all() }\n}", "p.groovy").get(0).experiment();
        assertThat(e.evaluate().strategies()).isEqualTo(Iclab.all());
    }

    @Test
    void mistakesAreNamedAtTheirLine() {
        assertThat(error("linear(layers: all())"))
                .isEqualTo("p.groovy:4: linear: target is required (weights(), leastSquaresEstimate(), momentXy(), gradientDescentIterate(...)), was missing");
        assertThat(error("linear(target: weights(), layer: 2)"))
                .startsWith("p.groovy:4: unknown setting 'layer' in linear; did you mean 'layers'? (known: target, layers, position)");
        assertThat(error("redout()")).startsWith("p.groovy:4: unknown setting 'redout' in probes; did you mean 'readout'?");
        assertThat(error("control(weights: 3)")).isEqualTo("p.groovy:4: control: weights must be a control: constant() or shuffled(), was 3");
        assertThat(error("linear(target: weights(), position: 'first')"))
                .isEqualTo("p.groovy:4: linear: position must be 'last', 'context', a k, or a list or range of them, was 'first'");
        assertThat(error("linear(target: gradientDescentIterate(steps: 2, lr: 'good'))"))
                .isEqualTo("p.groovy:4: gradientDescentIterate: lr must be a number or 'best', was 'good'");
        // problems found when the experiment is built point at the probes block
        assertThat(error("readout(layers: [0, 9])"))
                .isEqualTo("p.groovy:3: probes: layers must be <= model.layers (3; 0 is the embedded input), was [0, 9]");
        assertThat(error("linear(target: momentXy())\ncontrol(weights: constant())"))
                .isEqualTo("p.groovy:3: probes: control must name the target of a linear or pooled probe (their targets: momentXy), was 'weights'");
        assertThat(error("pooled(layers: all())"))
                .isEqualTo("p.groovy:4: pooled: target is required (weights(), leastSquaresEstimate(), momentXy(), gradientDescentIterate(...)), was missing");
        assertThat(error("pooled(target: momentXy(), hidden: -1)"))
                .isEqualTo("p.groovy:4: probes.pooled: hidden must be >= 0 (0: a linear read-out of the pooled state), was -1");
        assertThat(error("pooled(target: momentXy(), lr: 0)")).isEqualTo("p.groovy:4: probes.pooled: lr must be a finite number > 0, was 0.0");
        assertThat(error("pooled(target: momentXy(), width: 8)"))
                .startsWith("p.groovy:4: unknown setting 'width' in pooled");
        assertThat(error("pooled(target: momentXy())\npooled(target: momentXy(), hidden: 32)"))
                .isEqualTo("p.groovy:3: probes: pooled must not repeat a target at the same token (one mlp probe per target and token, over"
                        + " every layer it lists), was [momentXy, momentXy]");
        assertThat(error("prompts 64\npooled(target: momentXy(), batch: 128)"))
                .isEqualTo("p.groovy:3: probes: pooled.batch must be <= prompts (64), was 128");
        assertThat(error("pooled(target: phi())")).startsWith("p.groovy:3: probes: pooled.target phi() needs a representation task");
    }

    @Test
    void pooledProbesInEveryForm() {
        ProbePlan plan = probes("""
                pooled(target: leastSquaresEstimate())
                pooled(target: leastSquaresEstimate(), hidden: 0, layers: [1, 3], position: 'context', steps: 200, batch: 32, lr: 0.01)
                linear(target: leastSquaresEstimate())
                control(leastSquaresEstimate: shuffled())
                """);
        ProbePlan java = Experiment.builder("x").task(Iclab.linearRegression(5)).prompt(Iclab.interleaved(11)).model(Iclab.gpt2("tiny"))
                .probes(p -> p.pooled(Iclab.leastSquaresEstimate())
                        .pooled(new org.iclab.spec.probe.PooledProbe(Iclab.leastSquaresEstimate(), Layers.of(1, 3), Positions.contextToken(),
                                0, 200, 32, 0.01))
                        .linear(Iclab.leastSquaresEstimate()).control("leastSquaresEstimate", Iclab.shuffled()))
                .build().probes();
        assertThat(plan).isEqualTo(java);
        assertThat(plan.targetProbes()).extracting(t -> t.column() + " " + t.label())
                .containsExactly("mlp leastSquaresEstimate", "pooled leastSquaresEstimate@context", "linear leastSquaresEstimate");
        org.iclab.spec.probe.PooledProbe first = plan.all(org.iclab.spec.probe.PooledProbe.class).get(0);
        assertThat(List.of(first.hidden(), first.steps(), first.batch())).containsExactly(64, 1000, 128);
        assertThat(first.lr()).isEqualTo(3e-3);
        assertThat(first.rows()).containsExactly(Map.entry("mlp", "leastSquaresEstimate"));
    }

    @Test
    void noSettingOfABlockIsShadowedByAWord() {
        // A block's own setting wins over a word of the same name, so a word named like a setting could never be
        // called inside that block ('ridge 1e-4' in probes { } once made a ridge baseline; hence the probes' 'penalty').
        java.util.Set<String> words = new java.util.TreeSet<>(Words.names());
        for (Class<?> builder : Builders.BLOCKS.keySet()) {
            assertThat(Builders.settings(builder)).as(Builders.BLOCKS.get(builder)).doesNotContainAnyElementsOf(words);
        }
    }

    @Test
    void describeListsTheBlockAndItsWords() {
        Reference.Block block = Reference.blocks().stream().filter(b -> b.path().equals("probes")).findFirst().orElseThrow();
        assertThat(block.settings()).extracting(Reference.Entry::name)
                .containsExactly("prompts", "heldOut", "penalty", "alignment", "attention", "control", "linear", "pooled", "readout");
        assertThat(block.settings()).filteredOn(s -> s.name().equals("prompts")).extracting(Reference.Entry::defaults).containsExactly("1024");
        assertThat(block.settings()).filteredOn(s -> s.name().equals("linear")).extracting(Reference.Entry::form)
                .containsExactly("linear(target: weights(), layers: all(), position: 'last')");
        Reference.Word newton = Reference.vocabulary().stream().filter(w -> w.name().equals("newton")).findFirst().orElseThrow();
        assertThat(newton.kind()).isEqualTo("alignment");
        assertThat(newton.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("iterations", "1..20"), org.assertj.core.groups.Tuple.tuple("alpha", "'balanced'"));
        Reference.Word gdi = Reference.vocabulary().stream().filter(w -> w.name().equals("gradientDescentIterate")).findFirst().orElseThrow();
        assertThat(gdi.kind()).isEqualTo("linear");
        assertThat(gdi.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults).containsExactly(
                org.assertj.core.groups.Tuple.tuple("steps", "required"), org.assertj.core.groups.Tuple.tuple("lr", "'best'"));
        assertThat(gdi.forms()).contains("gradientDescentIterate(steps: ..., lr: ...)");
    }
}
