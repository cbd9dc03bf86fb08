package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.TrainPlan;
import org.junit.jupiter.api.Test;

/** The generated reference agrees with what the builders and their validation actually do. */
class ReferenceTest {
    private static final String BASE = "task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2('tiny')\n";
    /** How a script reaches each block, to put a setting in it. */
    private static final Map<String, String[]> WRAP = Map.of(
            "train", new String[] {BASE + "train { ", " }"},
            "evaluate", new String[] {BASE + "evaluate { ", " }"},
            "gpt2", new String[] {"task linearRegression(dims: 5); prompt interleaved(points: 11); model gpt2 { ", " }"});

    /** A setting of a block ({@code train}) or of a word ({@code gpt2}). */
    private static Reference.Entry entry(String block, String name) {
        return settingsOf(block).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Reference.Entry> settingsOf(String blockOrWord) {
        return Reference.blocks().stream().filter(b -> b.path().equals(blockOrWord)).map(Reference.Block::settings).findFirst()
                .orElseGet(() -> Reference.vocabulary().stream().filter(w -> w.name().equals(blockOrWord)).findFirst().orElseThrow().settings());
    }

    @Test
    void everyWholeNumberSettingDocumentedAsPositiveRejectsZero() {
        int checked = 0;
        for (String b : WRAP.keySet()) {
            String[] wrap = WRAP.get(b);
            for (Reference.Entry e : settingsOf(b)) {
                if (!e.range().startsWith("> 0") || !e.form().endsWith("<int>")) {
                    continue;
                }
                String script = "experiment('x') {\n" + wrap[0] + e.name() + " 0" + wrap[1] + "\n}";
                ScriptException x = catchThrowableOfType(() -> ExperimentScripts.evaluate(script, "r.groovy"), ScriptException.class);
                assertThat(x).as(b + "." + e.name() + " 0 must fail").isNotNull();
                assertThat(x.getMessage()).as(b + "." + e.name()).contains(e.name() + " must be > 0, was 0");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    @Test
    void defaultsAreThoseOfTheBuilders() {
        TrainPlan plan = TrainPlan.builder().build(5, 11);
        assertThat(entry("train", "steps").defaults()).isEqualTo(String.valueOf(plan.steps()));
        assertThat(entry("train", "optimizer").defaults()).isEqualTo(Reference.render(plan.optimizer()));
        Gpt2 tiny = Gpt2.builder().build();
        assertThat(entry("gpt2", "embed").defaults()).isEqualTo(String.valueOf(tiny.embed()));
        assertThat(entry("gpt2", "preset").defaults()).isEqualTo("'tiny'");
        assertThat(entry("experiment", "task").defaults()).isEqualTo("required");
        // the inputs default to the task's: say so, and check that the builder does it
        assertThat(entry("experiment", "inputs").defaults()).contains("gaussian()", "hypercube() for a Boolean task");
        assertThat(org.iclab.Iclab.experiment("x").task(org.iclab.Iclab.linearRegression(3)).prompt(org.iclab.Iclab.interleaved(5))
                .model(tiny).build().inputs()).isEqualTo(org.iclab.Iclab.gaussian());
        assertThat(org.iclab.Iclab.experiment("x").task(org.iclab.Iclab.parity(3)).prompt(org.iclab.Iclab.interleaved(5))
                .model(tiny).build().inputs()).isEqualTo(org.iclab.Iclab.hypercube());
        assertThat(entry("evaluate", "confidence").defaults()).isEqualTo("0.9");
    }

    @Test
    void renderedDefaultsAreValidScript() {
        // what describe shows as a default can be pasted into a script and gives the same value back
        String optimizer = entry("train", "optimizer").defaults();
        // baselines default per task (Garg et al.'s sets); describe says so, and linear regression's set renders as script
        assertThat(entry("evaluate", "baselines").defaults()).startsWith("Garg et al.'s for the task")
                .contains("lasso", "gradientDescentNet", "greedyTree(4)", "gradientBoosting");
        String baselines = Reference.render(org.iclab.spec.EvalPlan.defaultBaselines(new org.iclab.spec.task.LinearRegression(5)));
        List<DeclaredExperiment> d = ExperimentScripts.evaluate("experiment('x') {\n" + BASE
                + "train { optimizer " + optimizer + " }\nevaluate { baselines " + baselines + " }\n}", "r.groovy");
        assertThat(d.get(0).experiment().train().optimizer()).isEqualTo(TrainPlan.builder().build(5, 11).optimizer());
        assertThat(Reference.render(d.get(0).experiment().evaluate().baselines())).isEqualTo(baselines);
    }

    @Test
    void wordsComeFromTheRegistry() {
        assertThat(Reference.kinds().keySet()).containsExactly("task", "inputs", "prompt", "model", "optimizer", "baselines",
                "strategies", "alignment", "control", "linear", "measures");
        assertThat(Reference.words()).containsExactly("linearRegression",
                "sparseLinearRegression", "noisyLinearRegression", "signVectorRegression", "linearClassification", "quadraticRegression", "reluNetwork", "decisionTree", "mixture", "sinusoid", "representation", "markovChain", "regularLanguage", "burstyClassification",
                "conjunction", "monotoneConjunction", "disjunction", "sparseDisjunction", "dnf", "cnf", "majority", "integerHalfspace",
                "sparseThreshold", "parity", "sparseParity", "nearestNeighbor", "teachConjunction",
                "gaussian", "uniform", "hypercube", "interleaved", "stacked", "tokens", "gpt2", "linearAttention", "looped", "lstm", "gru", "retnet", "attentionClassifier", "mamba", "adam", "sgd",
                "leastSquares", "nearestNeighbors", "averaging",
                "ridge", "lasso", "greedyTree", "gradientBoosting", "gradientDescentNet", "zero",
                "elimination", "gaussianElimination", "perceptron", "ngram", "bayes", "oracle",
                "standard", "halfSubspace", "skewedCovariance", "orthogonalTrainTest", "overlappingTrainTest",
                "randomQuadrants", "oppositeQuadrants", "scaledX", "scaledY", "noisyY", "trainingTasks", "inContext", "flippedLabels", "inWeights", "component", "convexCombination", "outside",
                "newton", "gradientDescent", "constant", "shuffled",
                "weights", "leastSquaresEstimate", "momentXy", "gradientDescentIterate", "phi",
                "induction", "iclScore");
        Reference.Word adam = Reference.vocabulary().stream().filter(w -> w.name().equals("adam")).findFirst().orElseThrow();
        assertThat(adam.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lr", "required"), org.assertj.core.groups.Tuple.tuple("beta1", "0.9"),
                        org.assertj.core.groups.Tuple.tuple("beta2", "0.999"), org.assertj.core.groups.Tuple.tuple("eps", "1.0E-8"),
                        org.assertj.core.groups.Tuple.tuple("weightDecay", "0.0"), org.assertj.core.groups.Tuple.tuple("warmup", "0.0"),
                        org.assertj.core.groups.Tuple.tuple("schedule", "'constant'"), org.assertj.core.groups.Tuple.tuple("minLr", "0.0"),
                        org.assertj.core.groups.Tuple.tuple("warmupFrom", "0.0"));
    }

    @Test
    void inputsAndStrategiesAreDescribedWithTheirDefaults() {
        assertThat(entry("evaluate", "strategies").defaults()).isEqualTo("standard()");
        assertThat(entry("evaluate", "strategies").form()).isEqualTo("strategies standard(), halfSubspace(), scaledX(2)");
        Reference.Word gaussian = Reference.vocabulary().stream().filter(w -> w.name().equals("gaussian")).findFirst().orElseThrow();
        assertThat(gaussian.kind()).isEqualTo("inputs");
        assertThat(gaussian.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults).containsExactly(
                org.assertj.core.groups.Tuple.tuple("scale", "1.0"), org.assertj.core.groups.Tuple.tuple("bias", "0.0"),
                org.assertj.core.groups.Tuple.tuple("covariance", "'isotropic'"),
                org.assertj.core.groups.Tuple.tuple("rank", "task.dims / 2 for lowRank"));
        assertThat(gaussian.forms()).contains("gaussian()", "gaussian(scale, bias, covariance, rank)",
                "gaussian(scale: ..., bias: ..., covariance: ..., rank: ...)");
        Reference.Word scaledX = Reference.vocabulary().stream().filter(w -> w.name().equals("scaledX")).findFirst().orElseThrow();
        assertThat(scaledX.kind()).isEqualTo("strategies");
        assertThat(scaledX.settings()).extracting(Reference.Entry::name, Reference.Entry::defaults)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("factor", "required"));
        // a rendering leaves out what is at its default, and reads back as the same value
        assertThat(Reference.render(org.iclab.Iclab.gaussian(1, 0, "lowRank", 4))).isEqualTo("gaussian(covariance: 'lowRank', rank: 4)");
        String strategies = Reference.render(org.iclab.Iclab.all());
        List<DeclaredExperiment> d = ExperimentScripts.evaluate("experiment('x') {\n" + BASE
                + "inputs " + Reference.render(org.iclab.Iclab.gaussian(2, 0.5, "skewed")) + "\nevaluate { strategies " + strategies + " }\n}", "r.groovy");
        assertThat(d.get(0).experiment().evaluate().strategies()).isEqualTo(org.iclab.Iclab.all());
        assertThat(d.get(0).experiment().inputs()).isEqualTo(org.iclab.Iclab.gaussian(2, 0.5, "skewed"));
    }

    @Test
    void suggestionsAllowSmallTyposOnly() {
        assertThat(Suggestions.closest("haeds", List.of("layers", "heads", "embed"))).contains("heads");
        assertThat(Suggestions.closest("stpes", List.of("steps", "batch"))).contains("steps");
        assertThat(Suggestions.closest("xyz", List.of("steps", "batch"))).isEmpty();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void describeDocumentsEveryReadingOfAClaimAndEveryFigure() {
        java.util.Set<String> documented = new java.util.HashSet<>();
        Reference.claims().forEach(e -> documented.add(e.name()));
        for (java.lang.reflect.Method m : ClaimReader.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                assertThat(documented).as("describe claims documents " + m.getName()).contains(m.getName());
            }
        }
        assertThat(documented).contains("claim", "scale");
        assertThat(Reference.figures()).extracting(Reference.Entry::name).containsExactlyInAnyOrder("curve", "metric", "along");
    }
}
