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
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Model;
import org.iclab.spec.prompt.Tokens;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenSampler;
import org.iclab.tokens.Copying;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token path through every architecture that reads token prompts, on the test-only {@link Copying} task: the
 * ids read in as embedding rows, logits read out at every position, masked cross-entropy; gradients against
 * finite differences, causality, and training.
 */
class TokenPathTest {
    static final Copying TASK = new Copying(6, 3);

    static Stream<Model> models() {
        return Stream.of(new Gru(1, 12, 8), new Lstm(1, 8, 8), new Gpt2(2, 2, 16, 8), new Gpt2(1, 2, 16, 8, true, true, 2),
                new org.iclab.spec.model.RetNet(2, 2, 16, 8), new org.iclab.spec.model.Mamba(1, 8, 4, 8));
    }

    static Experiment experiment(Model model, int steps) {
        return Experiment.builder("tokens").seed(5).task(TASK).model(model)
                .train(t -> t.steps(steps).batch(32).optimizer(new Adam(1e-2))).build();
    }

    @Test
    void aTokenTaskNeedsNoPromptLineAndTakesItsLengthFromTheTask() {
        Experiment e = experiment(new Gru(1, 8, 8), 1);
        assertThat(e.prompt()).isEqualTo(new Tokens(7, null));
        assertThat(e.task().objective().loss()).isEqualTo(org.iclab.spec.Objective.Loss.CROSS_ENTROPY);
        assertThat(e.evaluate().baselines()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void embeddingAndEveryOtherGradientMatchFiniteDifferences(Model model) {
        Experiment e = experiment(model, 1);
        TokenBatch batch = new TokenSampler(TASK).sample(3, 4, TASK.length());
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            assertThat(m.vocabulary()).isEqualTo(6);
            Map<String, float[]> grads = m.gradients(batch);
            assertThat(grads).containsKey("read_in/w");
            for (String name : m.parameterNames()) {
                FiniteDifferences.assertMatches(m, batch, name, grads.get(name), 1e-2, 0.05, 2e-3);
            }
            // the embedding's gradient is zero on the rows of ids the batch never reads (pad, 0, is never read)
            float[] embedding = grads.get("read_in/w");
            int width = embedding.length / 6;
            for (int j = 0; j < width; j++) {
                assertThat(embedding[j]).as("row of id 0, column %d", j).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPredictionNeverDependsOnLaterTokens(Model model) {
        Experiment e = experiment(model, 1);
        TokenBatch batch = new TokenSampler(TASK).sample(4, 3, TASK.length());
        int length = TASK.length();
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            float[] before = m.logits(batch);
            for (int t = 0; t < length; t++) {
                int[] ids = batch.ids().clone();
                for (int b = 0; b < batch.batch(); b++) {
                    ids[b * length + t] = ids[b * length + t] == 5 ? 2 : 5;
                }
                float[] after = m.logits(batch.withIds(ids));
                for (int b = 0; b < batch.batch(); b++) {
                    for (int s = 0; s < length; s++) {
                        for (int v = 0; v < 6; v++) {
                            int at = (b * length + s) * 6 + v;
                            if (s < t) {
                                assertThat(after[at]).as("sequence %d, position %d after changing token %d", b, s, t).isEqualTo(before[at]);
                            }
                        }
                    }
                    assertThat(after[(b * length + t) * 6]).as("position %d reads its own token", t).isNotEqualTo(before[(b * length + t) * 6]);
                }
            }
        }
    }

    @Test
    void aGruLearnsToCopyInContext() {
        Experiment e = experiment(new Gru(1, 32, 8), 400);
        TokenSampler sampler = new TokenSampler(TASK);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            TokenBatch held = sampler.sample(999, 256, TASK.length());
            float before = m.loss(held);
            for (int step = 1; step <= 400; step++) {
                m.trainStep(sampler.sample(step, 32, TASK.length()), step);
            }
            float after = m.loss(held);
            // uniform guessing over the 4 symbols costs ln 4 = 1.386 per scored position; copying needs the context
            assertThat(before).isGreaterThan(1.2f);
            assertThat(after).as("held-out cross-entropy after 400 steps (before: %s)", before).isLessThan(0.7f);
            int[] predicted = m.predictIds(held);
            int right = 0;
            int scored = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (held.mask()[i] > 0) {
                    scored++;
                    right += predicted[i] == held.targets()[i] ? 1 : 0;
                }
            }
            assertThat(right / (double) scored).as("copy accuracy").isGreaterThan(0.5);
        }
    }

    @Test
    void aLinearAttentionModelAndPairPromptsAreRejectedForTokenTasks() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> experiment(new org.iclab.spec.model.LinearAttention(1), 1))
                .hasMessageContaining("prompt must hold (x, y) pairs for linearAttention");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Experiment.builder("x").task(TASK)
                        .prompt(new org.iclab.spec.prompt.Interleaved(7)).model(new Gru(1, 8, 8)).build())
                .hasMessageContaining("prompt must be tokens() for a token task");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Experiment.builder("x").task(new org.iclab.spec.task.LinearRegression(3))
                        .prompt(new Tokens()).model(new Gru(1, 8, 8)).build())
                .hasMessageContaining("prompt must hold (x, y) pairs for a task of real-valued inputs");
        assertThat(List.of(TASK.length())).containsExactly(7);
    }

    @Test
    void theNgramLayerAveragesTheTokensThatFollowedEarlierOccurrencesOfTheLastNTokens() {
        // one layer, no LayerNorm or MLP, attention writing nothing; the read-in puts id v on coordinate v, no positions;
        // t0 the identity and t1 zero: the layer adds A·x, the one-hot average of the matches' successors
        int vocabulary = 6;
        int e = 8;
        for (int n : new int[] {1, 2}) {
            Gpt2 spec = new Gpt2(1, 1, e, 8, false, false, n);
            Experiment x = Experiment.builder("ng").seed(1).task(TASK).prompt(new Tokens(7, "none")).model(spec).build();
            int[] ids = {2, 3, 2, 3, 2, 4, 2};
            TokenBatch batch = new TokenBatch(1, 7, vocabulary, ids, new int[7], new float[7]);
            try (CompiledModel m = CompiledModel.compile(x, 1)) {
                Map<String, float[]> values = new java.util.HashMap<>(m.parameterValues());
                values.replaceAll((name, v) -> new float[v.length]);
                float[] readIn = values.get("read_in/w");
                for (int v = 0; v < vocabulary; v++) {
                    readIn[v * e + v] = 1;
                }
                float[] t0 = values.get("ngram/t0/w");
                for (int i = 0; i < e; i++) {
                    t0[i * e + i] = 1;
                }
                m.assign(values);
                float[] before = m.hidden(0, batch);
                float[] after = m.hidden(1, batch);
                for (int pos = 0; pos < 7; pos++) {
                    double[] expected = new double[e];
                    int count = 0;
                    for (int j = 1; j < pos; j++) { // j follows the earlier occurrence ending at j − 1
                        boolean same = true;
                        for (int i = 0; i < n; i++) {
                            same &= j - 1 - i >= 0 && pos - i >= 0 && ids[j - 1 - i] == ids[pos - i];
                        }
                        if (same) {
                            expected[ids[j]]++;
                            count++;
                        }
                    }
                    for (int c = 0; c < e; c++) {
                        double added = after[pos * e + c] - before[pos * e + c];
                        assertThat(added).as("n = %d, position %d, coordinate %d", n, pos, c)
                                .isCloseTo(count == 0 ? 0 : expected[c] / count, within(1e-5));
                    }
                }
            }
        }
    }
}
