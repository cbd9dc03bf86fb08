package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.prompt.Stacked;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.train.Trainer;
import org.iclab.train.TrainingLog;
import org.junit.jupiter.api.Test;

/** Looped models' loss windows, loop curriculum and extrapolation; the last-position loss; parameter and FLOP counts. */
class LoopedAndLossTest {
    static double mse(float[] pred, float[] ys, int from, int step) {
        double s = 0;
        int n = 0;
        for (int i = from; i < pred.length; i += step) {
            s += (pred[i] - ys[i]) * (double) (pred[i] - ys[i]);
            n++;
        }
        return s / n;
    }

    @Test
    void aLoopedLossAveragesTheLossesAfterEachLoopOfItsWindow() {
        Experiment e = Experiment.builder("loop").seed(1).task(new LinearRegression(3)).prompt(new Interleaved(5))
                .model(new Looped(new Gpt2(1, 2, 16, 8), 4, 2, Looped.ADD)).train(t -> t.steps(10).batch(4)).build();
        PromptBatch batch = PromptSampler.of(e).sample(3, 4, 5, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            assertThat(m.loops()).isEqualTo(4);
            assertThat(m.hiddenCount()).isEqualTo(5); // the embedding, then the state after each loop
            double expected = (mse(m.predict(batch, 3), batch.ys(), 0, 1) + mse(m.predict(batch, 4), batch.ys(), 0, 1)) / 2;
            assertThat((double) m.loss(batch)).isCloseTo(expected, within(1e-5));
            assertThat(m.predict(batch, 4)).isEqualTo(m.predict(batch));
            float[] extrapolated = m.predict(batch, 9);
            assertThat(extrapolated).hasSize(20).isNotEqualTo(m.predict(batch));
            // The window's gradient stops at loop 2: the loss's gradient is that of the last two loops alone.
            assertThat(m.gradients(batch).get("read_in/w")).isNotEqualTo(new float[m.gradients(batch).get("read_in/w").length]);
        }
    }

    @Test
    void theLoopCurriculumTrainsWithGrowingLoopCounts() {
        Experiment e = Experiment.builder("loop-curriculum").seed(1).task(new LinearRegression(3)).prompt(new Interleaved(5))
                .model(new Looped(new Gpt2(1, 2, 16, 8), 4, 2, Looped.ADD))
                .train(t -> t.steps(8).batch(4).logEvery(1).optimizer(new Adam(1e-3)).curriculum(c -> c.loops(1, 4, 1, 2))).build();
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            List<TrainingLog> logs = new Trainer(m, null, List.of()).train(1);
            assertThat(logs).hasSize(8).allSatisfy(l -> assertThat(Double.isFinite(l.loss())).isTrue());
        }
    }

    @Test
    void onlyALoopedModelIsReadAfterLoops() {
        Experiment e = Experiment.builder("g").task(new LinearRegression(3)).prompt(new Interleaved(5)).model(new Gpt2(1, 2, 16, 8)).build();
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            PromptBatch batch = PromptSampler.of(e).sample(3, 2, 5, 3);
            assertThat(m.predict(batch, 1)).isEqualTo(m.predict(batch));
            assertThatThrownBy(() -> m.predict(batch, 3)).hasMessage("only a looped model can be read after 3 loops; gpt2 has none");
        }
    }

    @Test
    void lossAtLastScoresOnlyTheLastPrediction() {
        Experiment e = Experiment.builder("last").seed(2).task(new LinearRegression(3)).prompt(new Stacked(6))
                .model(new LinearAttention(1)).train(t -> t.steps(10).batch(4).lossAt("last")).build();
        PromptBatch batch = PromptSampler.of(e).sample(3, 5, 6, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            assertThat((double) m.loss(batch)).isCloseTo(mse(m.predict(batch), batch.ys(), 5, 6), within(1e-5));
        }
    }

    @Test
    void parametersAndFlopsPerTokenFollowTheArchitecture() {
        Experiment tiny = Experiment.builder("tiny").task(new LinearRegression(5)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny")).build();
        try (CompiledModel m = CompiledModel.compile(tiny, 1)) {
            int e = 64;
            int t = 22;
            long perLayer = 2L * e * 3 * e + 2L * e * e + 2L * 2 * e * 4 * e + 2L * 2 * t * e; // qkv, proj, MLP, attention
            assertThat(m.flopsPerToken()).isEqualTo(2L * 5 * e + 3 * perLayer + 2L * e);
            long block = 4L * e + (e * 3L * e + 3L * e) + (e * e + e) + (e * 4L * e + 4L * e) + (4L * e * e + e);
            assertThat(m.parameterCount()).isEqualTo(5L * e + e + 202L * e + 3 * block + 2L * e + e + 1);
        }
        Experiment noMlp = tiny.toBuilder().model(new Gpt2(3, 2, 64, 101, true, false)).build();
        try (CompiledModel m = CompiledModel.compile(noMlp, 1)) {
            assertThat(m.flopsPerToken()).isEqualTo(2L * 5 * 64 + 3 * (2L * 64 * 192 + 2L * 64 * 64 + 2L * 2 * 22 * 64) + 2L * 64);
        }
        Experiment looped = tiny.toBuilder().model(new Looped(new Gpt2(1, 2, 64, 101), 5)).build();
        try (CompiledModel m = CompiledModel.compile(looped, 1)) {
            long perLayer = 2L * 64 * 192 + 2L * 64 * 64 + 2L * 64 * 256 * 2 + 2L * 2 * 22 * 64;
            assertThat(m.flopsPerToken()).isEqualTo(2L * 5 * 64 + 5 * perLayer + 2L * 64);
            m.predict(PromptSampler.of(looped).sample(1, 2, 11, 5), 12); // a longer pass built later is not the model's cost
            assertThat(m.flopsPerToken()).isEqualTo(2L * 5 * 64 + 5 * perLayer + 2L * 64);
        }
        Experiment lstm = tiny.toBuilder().model(new Lstm(2, 32)).build();
        try (CompiledModel m = CompiledModel.compile(lstm, 1)) {
            assertThat(m.flopsPerToken()).isEqualTo(2L * 5 * 32 + 2 * (2L * 64 * 128) + 2L * 32);
            assertThat(m.parameterCount()).isEqualTo(5L * 32 + 32 + 2 * (64L * 128 + 128) + 32 + 1);
        }
        Experiment lsa = tiny.toBuilder().prompt(new Stacked(11)).model(new LinearAttention(1)).build();
        try (CompiledModel m = CompiledModel.compile(lsa, 1)) {
            assertThat(m.flopsPerToken()).isEqualTo(4 * 2L * 6 * 6 + 2L * 2 * 22 * 6);
            assertThat(m.parameterCount()).isEqualTo(4L * 6 * 6);
        }
    }
}
