package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

class CompiledModelTest {
    static Experiment tiny(long seed, double lr) {
        return Experiment.builder("graph-test").seed(seed)
                .task(new LinearRegression(3))
                .prompt(new Interleaved(6))
                .model(new Gpt2(2, 2, 16, 8))
                .train(t -> t.steps(200).batch(16).optimizer(new Adam(lr)))
                .build();
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        Experiment e = tiny(3, 1e-3);
        PromptBatch batch = PromptSampler.of(e).sample(11, 4, 6, 3);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            Map<String, float[]> grads = model.gradients(batch);
            int checked = 0;
            for (String name : List.of("read_in/w", "wpe", "h0/ln_1/g", "h0/attn/c_attn/w", "h1/attn/c_proj/w",
                    "h1/mlp/c_fc/w", "h1/mlp/c_proj/b", "ln_f/b", "read_out/w", "read_out/b")) {
                assertThat(FiniteDifferences.assertMatches(model, batch, name, grads.get(name), 1e-2, 0.03, 2e-3))
                        .as(name + ": coordinates the loss visibly depends on").isPositive();
                checked++;
            }
            assertThat(checked).isEqualTo(10);
        }
    }

    @Test
    void adamDrivesTheLossDownOver200Steps() {
        // 200 steps are far too few to learn regression in context (that takes thousands; see the sample), so the
        // check is that the compiled gradients and Adam minimise the loss they are given: one fixed batch.
        Experiment e = tiny(1, 3e-3);
        PromptBatch batch = PromptSampler.of(e).sample(5, 16, 6, 3);
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            float before = model.loss(batch);
            float first = model.trainStep(batch, 1);
            for (int step = 2; step <= 200; step++) {
                model.trainStep(batch, step);
            }
            float after = model.loss(batch);
            assertThat(first).isEqualTo(before);
            assertThat(after).isLessThan(0.1f * before);
        }
    }

    @Test
    void everyLayersHiddenStateIsANamedEndpoint() {
        Experiment e = tiny(2, 1e-3);
        PromptBatch batch = PromptSampler.of(e).sample(4, 3, 5, 3);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            assertThat(model.hiddenCount()).isEqualTo(3); // embedding + 2 blocks
            for (int layer = 0; layer < 3; layer++) {
                assertThat(model.hidden(layer, batch)).hasSize(3 * 10 * 16);
            }
            assertThat(model.hidden(1, batch)).isNotEqualTo(model.hidden(2, batch));
        }
    }

    @Test
    void predictionsNeverDependOnLaterTokens() {
        Experiment e = tiny(4, 1e-3);
        PromptBatch batch = PromptSampler.of(e).sample(8, 2, 6, 3);
        float[] xs = batch.xs().clone();
        float[] ys = batch.ys().clone();
        // Change everything from example 3 on (x_3, y_3, x_4, ...): predictions for y_0..y_2 must not move,
        // the prediction for y_3 (read at x_3) must.
        for (int p = 0; p < 2; p++) {
            for (int i = 3; i < 6; i++) {
                ys[p * 6 + i] += 5;
                for (int j = 0; j < 3; j++) {
                    xs[(p * 6 + i) * 3 + j] *= -2;
                }
            }
        }
        PromptBatch changed = new PromptBatch(2, 6, 3, xs, ys);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            float[] before = model.predict(batch);
            float[] after = model.predict(changed);
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < 3; i++) {
                    assertThat(after[p * 6 + i]).isEqualTo(before[p * 6 + i]);
                }
                assertThat(after[p * 6 + 3]).isNotEqualTo(before[p * 6 + 3]);
            }
        }
    }

    @Test
    void sameSeedGivesBitIdenticalLosses() {
        assertThat(losses(5)).isEqualTo(losses(5)).isNotEqualTo(losses(6));
    }

    @Test
    void xlaCompilesTheStepIntoClustersWithTheExecutorsResultsToRounding() {
        // with XLA the traced step runs compiled clusters (…/xla_run) in place of the graph's kernels; without, none.
        // Each way is bit-identical run to run, and the two agree to float rounding over 20 Adam steps
        Experiment e = tiny(5, 1e-3);
        PromptSampler sampler = PromptSampler.of(e);
        for (boolean xla : new boolean[] {true, false}) {
            try (CompiledModel model = CompiledModel.compile(e, 2, xla)) {
                assertThat(model.usesXla()).isEqualTo(xla);
                model.trainStep(sampler.sample(1, 16, 6, 3), 1);
                var profile = model.profileTrainStep(sampler.sample(2, 16, 6, 3), 2);
                assertThat(profile.microsByOpType().keySet().stream().anyMatch(k -> k.endsWith("xla_run")))
                        .as("xla %s: %s", xla, profile.microsByOpType().keySet()).isEqualTo(xla);
                assertThat(profile.microsByOpType()).as("xla %s", xla).containsKey("ApplyAdam"); // the fenced update stays outside
            }
        }
        // a second prompt shape is compiled on its first run too: the same prompts read twice give the same bits
        // (lazily, TensorFlow's default, the first read at a new shape would go through the executor instead)
        try (CompiledModel model = CompiledModel.compile(e, 2, true)) {
            model.predict(sampler.sample(3, 16, 6, 3));
            PromptBatch eight = sampler.sample(4, 8, 6, 3);
            assertThat(model.predict(eight)).containsExactly(model.predict(eight));
        }
        List<Float> compiled = losses(5, true);
        List<Float> executed = losses(5, false);
        assertThat(compiled).isEqualTo(losses(5, true));
        assertThat(executed).isEqualTo(losses(5, false));
        for (int i = 0; i < compiled.size(); i++) {
            assertThat(compiled.get(i)).as("step %d", i + 1).isCloseTo(executed.get(i), within(1e-4f * (1 + Math.abs(executed.get(i)))));
        }
    }

    @Test
    void aSmallModelRunsItsOperationsSideBySideAndTrainsToTheSameBitsOnOneThreadOrThree() {
        assertThat(CompiledModel.intraOpThreads(163_457, 2, false)).as("the tiny GPT-2").isEqualTo(1);
        assertThat(CompiledModel.intraOpThreads(1_200_000, 2, false)).as("the small GPT-2 splits its operations").isEqualTo(2);
        assertThat(CompiledModel.intraOpThreads(163_457, 2, true)).as("under XLA").isEqualTo(2);
        // three inter-op threads run independent operations side by side; the results are the same bits as on one
        // thread, step after step (each operation's result does not depend on when it ran)
        assertThat(tinyGpt2Losses(3)).isEqualTo(tinyGpt2Losses(1));
    }

    /** Ten Adam steps of Garg et al.'s tiny GPT-2 (3 layers, 2 heads, 64 wide; 163,457 parameters) at batch 64 on {@code threads}. */
    private static List<Float> tinyGpt2Losses(int threads) {
        Experiment e = Experiment.builder("graph-test").seed(5).task(new LinearRegression(5)).prompt(new Interleaved(11))
                .model(new Gpt2(3, 2, 64, 22)).train(t -> t.steps(10).batch(64).optimizer(new Adam(1e-3))).build();
        PromptSampler sampler = PromptSampler.of(e);
        List<Float> out = new ArrayList<>();
        try (CompiledModel model = CompiledModel.compile(e, threads, false)) {
            assertThat(model.parameterCount()).isLessThan(CompiledModel.INTER_OP_BELOW_PARAMETERS);
            for (int step = 1; step <= 10; step++) {
                out.add(model.trainStep(sampler.sample(step, 64, 11, 5), step));
            }
        }
        return out;
    }

    private static List<Float> losses(long seed) {
        return losses(seed, true);
    }

    private static List<Float> losses(long seed, boolean xla) {
        Experiment e = tiny(seed, 1e-3);
        PromptSampler sampler = PromptSampler.of(e);
        List<Float> out = new ArrayList<>();
        try (CompiledModel model = CompiledModel.compile(e, 2, xla)) {
            for (int step = 1; step <= 20; step++) {
                out.add(model.trainStep(sampler.sample(step, 16, 6, 3), step));
            }
        }
        return out;
    }

}
