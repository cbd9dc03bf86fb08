package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.model.Gru;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Mamba;
import org.iclab.spec.model.Model;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.prompt.Stacked;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every architecture with every prompt format it reads: gradients, causal masking, and the tokens it is given. */
class ArchitecturesTest {
    static final int DIMS = 3;
    static final int POINTS = 5;

    static Stream<Arguments> combinations() {
        Gpt2 small = new Gpt2(2, 2, 16, 8);
        List<Model> models = List.of(
                small,
                new Gpt2(2, 2, 16, 8, false, false),                 // attention-only, no LayerNorm
                new LinearAttention(2, 2, 0, false, 8),              // tokens as the stream
                new LinearAttention(2, 1, 12, true, 8),              // read-in, softmax first layer
                new Looped(new Gpt2(1, 2, 16, 8), 3, 3, Looped.ADD),  // whole pass differentiated (see LoopedTest for windows)
                new Lstm(2, 8, 8),
                new Gru(2, 8, 8),
                new Mamba(1, 8, 4, 8, Mamba.SEQUENTIAL),
                new Mamba(1, 8, 4, 8, Mamba.PARALLEL));
        List<Prompt> prompts = List.of(new Interleaved(POINTS), new Interleaved(POINTS, true, true, Prompt.SINUSOIDAL),
                new Stacked(POINTS), new Stacked(POINTS, false, Prompt.LEARNED));
        return models.stream().flatMap(m -> prompts.stream()
                .filter(p -> m.cannotRead(p) == null)
                .map(p -> Arguments.of(m.name() + " " + p, m, p)));
    }

    static Experiment experiment(Model model, Prompt prompt) {
        return Experiment.builder("arch").seed(4).task(new LinearRegression(DIMS)).prompt(prompt).model(model)
                .train(t -> t.steps(10).batch(4).optimizer(new Adam(1e-3))).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void gradientsMatchCentralFiniteDifferences(String label, Model model, Prompt prompt) {
        Experiment e = experiment(model, prompt);
        PromptBatch batch = PromptSampler.of(e).sample(8, 3, POINTS, DIMS);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            Map<String, float[]> grads = m.gradients(batch);
            assertThat(grads.keySet()).containsExactlyElementsOf(m.parameterNames());
            int reached = 0;
            for (String name : m.parameterNames()) {
                reached += FiniteDifferences.assertMatches(m, batch, name, grads.get(name), 1e-2, 0.05, 2e-3) > 0 ? 1 : 0;
            }
            assertThat(reached).as("parameters the loss visibly depends on").isGreaterThanOrEqualTo(m.parameterNames().size() / 2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void aPredictionNeverDependsOnLaterExamples(String label, Model model, Prompt prompt) {
        Experiment e = experiment(model, prompt);
        PromptBatch batch = PromptSampler.of(e).sample(9, 2, POINTS, DIMS);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            float[] before = m.predict(batch);
            for (int k = 0; k < POINTS; k++) {
                // Change example k (its x and its y): predictions 0..k (which see examples 0..k-1) must not move,
                // and the prediction after it must.
                float[] xs = batch.xs().clone();
                float[] ys = batch.ys().clone();
                for (int b = 0; b < batch.batch(); b++) {
                    for (int j = 0; j < DIMS; j++) {
                        xs[(b * POINTS + k) * DIMS + j] += 1.5f;
                    }
                    ys[b * POINTS + k] -= 2f;
                }
                float[] after = m.predict(new PromptBatch(batch.batch(), POINTS, DIMS, xs, ys));
                for (int b = 0; b < batch.batch(); b++) {
                    for (int i = 0; i <= k; i++) {
                        int at = b * POINTS + i;
                        boolean ownQuery = i == k;
                        if (!ownQuery) {
                            assertThat(after[at]).as("prompt %d, prediction %d after changing example %d", b, i, k).isEqualTo(before[at]);
                        }
                    }
                    if (k + 1 < POINTS) {
                        assertThat(after[b * POINTS + k + 1]).as("prediction %d sees example %d", k + 1, k).isNotEqualTo(before[b * POINTS + k + 1]);
                    }
                }
                // The prediction at k reads x_k (its query) but never y_k.
                float[] onlyY = batch.ys().clone();
                for (int b = 0; b < batch.batch(); b++) {
                    onlyY[b * POINTS + k] += 3f;
                }
                float[] yChanged = m.predict(new PromptBatch(batch.batch(), POINTS, DIMS, batch.xs(), onlyY));
                for (int b = 0; b < batch.batch(); b++) {
                    assertThat(yChanged[b * POINTS + k]).as("prediction %d never sees its own y", k).isEqualTo(before[b * POINTS + k]);
                }
            }
        }
    }
}
