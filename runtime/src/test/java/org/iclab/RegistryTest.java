package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iclab.baseline.LearnerFactory;
import org.iclab.graph.Architecture;
import org.iclab.graph.PromptFormat;
import org.iclab.io.Json;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.Experiment;
import org.iclab.spec.Extension;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.Kind;
import org.iclab.spec.model.Model;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.Registry;
import org.iclab.spec.task.Task;
import org.iclab.task.FunctionClass;
import org.iclab.task.InputSampler;
import org.junit.jupiter.api.Test;

/** The registry: every word found once, of the right kind, with the implementation its kind's extension point needs. */
class RegistryTest {
    /** The extension point each kind with implementations of its own needs. */
    private static final Map<Kind, Class<? extends Extension>> POINTS = Map.ofEntries(
            Map.entry(Kind.TASK, FunctionClass.class),
            Map.entry(Kind.INPUTS, InputSampler.class),
            Map.entry(Kind.PROMPT, PromptFormat.class),
            Map.entry(Kind.MODEL, Architecture.class),
            Map.entry(Kind.BASELINE, LearnerFactory.class),
            Map.entry(Kind.STRATEGY, org.iclab.task.EvaluationStrategy.class),
            Map.entry(Kind.TARGET, org.iclab.probe.ProbeTarget.class),
            Map.entry(Kind.ALGORITHM, org.iclab.probe.ProbeAlgorithm.class),
            Map.entry(Kind.CONTROL, org.iclab.probe.ProbeControl.class),
            Map.entry(Kind.OPTIMIZER, org.iclab.graph.UpdateRule.class),
            Map.entry(Kind.PROBE, org.iclab.probe.ProbeKind.class));

    @Test
    void everyKindHasWordsAndEveryWordItsImplementation() {
        Registry registry = Registry.get();
        for (Kind kind : Kind.values()) {
            assertThat(registry.words(kind)).as(kind.setting()).isNotEmpty();
        }
        assertThat(registry.words(Kind.PROBE)).extracting(Registry.Word::name)
                .containsExactly("linear", "pooled", "readout", "alignment", "attention", "control");
        assertThat(registry.word("linear")).as("a probe kind is a setting of the probes block, not a word").isEmpty();
        for (Kind kind : Kind.values()) {
            for (Registry.Word w : registry.words(kind)) {
                assertThat(w.kind().type()).as(w.name()).isAssignableFrom(w.spec());
            }
        }
        for (Registry.Word w : registry.words()) {
            assertThat(w.kind().type()).as(w.name()).isAssignableFrom(w.spec());
            Class<? extends Extension> point = org.iclab.spec.task.TokenTask.class.isAssignableFrom(w.spec())
                    ? org.iclab.task.TokenClass.class
                    : org.iclab.spec.strategy.BurstyTestSet.class.isAssignableFrom(w.spec()) ? org.iclab.task.TokenClass.TestSet.class
                    : w.kind() == Kind.BASELINE && w.extension() instanceof org.iclab.baseline.TokenLearnerFactory<?>
                    ? org.iclab.baseline.TokenLearnerFactory.class : POINTS.get(w.kind());
            if (point != null) {
                assertThat(w.extension()).as(w.name() + " implements " + point.getSimpleName()).isInstanceOf(point);
            }
            assertThat(w.extension().word()).isEqualTo(w.name());
            assertThat(registry.wordOf(w.spec()).orElseThrow()).isEqualTo(w);
        }
        assertThat(registry.words(Kind.TASK)).extracting(Registry.Word::name).startsWith("linearRegression", "sparseLinearRegression");
        assertThat(registry.words(Kind.MODEL)).extracting(Registry.Word::name).containsExactly("gpt2", "linearAttention", "looped", "lstm", "gru", "retnet", "attentionClassifier", "mamba");
    }

    @Test
    void eachWordIsWrittenOnceOnItsRecord() throws ReflectiveOperationException {
        List<Registry.Word> all = java.util.Arrays.stream(Kind.values()).flatMap(k -> Registry.get().words(k).stream()).toList();
        assertThat(all).hasSizeGreaterThan(90);
        for (Registry.Word w : all) {
            org.iclab.spec.Word declared = w.spec().getAnnotation(org.iclab.spec.Word.class);
            assertThat(declared).as(w.spec().getName() + " carries its word").isNotNull();
            assertThat(w.name()).isEqualTo(declared.value());
            // no implementation names the word again: they all read it from the record
            assertThat(w.extension().getClass().getMethod("word").getDeclaringClass()).as(w.name()).isEqualTo(Extension.class);
        }
        // and the names in results read it too, where a record has no settings to show
        assertThat(Iclab.gpt2("tiny").name()).isEqualTo("gpt2");
        assertThat(Iclab.leastSquares().learnerName()).isEqualTo("leastSquares");
        assertThat(Iclab.standard().label()).isEqualTo("standard");
        assertThat(Iclab.ridge(0.5).learnerName()).isEqualTo("ridge(0.5)");
        assertThat(Iclab.interleaved(5).name()).isEqualTo("interleaved");
        assertThatThrownBy(() -> Extension.wordOf(String.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String carries no @Word");
    }

    @Test
    void implementationsAreFoundFromSpecs() {
        Task task = Iclab.sparseLinearRegression(6, 2);
        assertThat(FunctionClass.of(task).spec()).isEqualTo(task.getClass());
        Inputs inputs = Iclab.uniform(-1, 1);
        assertThat(InputSampler.of(inputs).word()).isEqualTo("uniform");
        Prompt prompt = Iclab.stacked(5);
        assertThat(PromptFormat.of(prompt).word()).isEqualTo("stacked");
        Model model = Iclab.lstm(1, 8);
        assertThat(Architecture.of(model).word()).isEqualTo("lstm");
        Baseline ridge = Iclab.ridge(0.5);
        assertThat(Registry.get().implementation(ridge, LearnerFactory.class).word()).isEqualTo("ridge");
        // a word asked for as another kind's extension point says what it is
        assertThatThrownBy(() -> Registry.get().implementation(Iclab.adam(1e-3), Architecture.class))
                .hasMessageContaining("adam has no Architecture");
    }

    @Test
    void jsonTypeNamesAreTheWords() {
        Experiment e = Experiment.builder("names").task(Iclab.decisionTree(4, 2)).inputs(Iclab.uniform(-1, 1))
                .prompt(Iclab.stacked(6)).model(Iclab.gpt2("tiny"))
                .train(t -> t.steps(1).optimizer(Iclab.adam(1e-3)))
                .evaluate(v -> v.baselines(Iclab.greedyTree(2)).strategies(Iclab.standard(), Iclab.scaledY(2))).build();
        String json = Json.write(e);
        for (String word : List.of("decisionTree", "uniform", "stacked", "gpt2", "adam", "greedyTree", "standard", "scaledY")) {
            assertThat(json).contains("\"type\" : \"" + word + "\"");
        }
        assertThat(Json.readExperiment(json, "spec.json")).isEqualTo(e);
    }
}
