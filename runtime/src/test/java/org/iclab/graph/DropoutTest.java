package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.spec.model.Gpt2;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Dropout against its definition, and GPT-2 with dropout: training steps only, the same masks for the same seed and step. */
class DropoutTest {
    private static final int ROWS = 400;
    private static final int COLS = 250;

    /** Two sites of rate 0.3 on a 400 × 250 matrix of 2s, run with the given switch and seed pair (null: the defaults). */
    private static List<float[]> run(long[] seedStep) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Layers nn = new Layers(tf);
            Dropout d = new Dropout(tf, nn);
            float[][] twos = new float[ROWS][COLS];
            for (float[] row : twos) {
                java.util.Arrays.fill(row, 2f);
            }
            Operand<TFloat32> x = tf.constant(twos);
            var shape = tf.constant(new int[] {ROWS, COLS});
            var first = d.apply(x, shape, 0.3);
            var second = d.apply(x, shape, 0.3);
            List<AutoCloseable> open = new ArrayList<>();
            Session.Runner runner = s.runner().fetch(first).fetch(second);
            if (seedStep != null) {
                d.feedTraining(runner, seedStep[0], seedStep[1], open);
            }
            try (Result r = runner.run()) {
                return List.of(Tensors.read((TFloat32) r.get(0)), Tensors.read((TFloat32) r.get(1)));
            } finally {
                Tensors.close(open);
            }
        }
    }

    @Test
    void trainingStepsDropAboutTheRateAndScaleWhatTheyKeepOutsideTrainingNothingChanges() {
        List<float[]> training = run(new long[] {7, 3});
        float kept = (float) (2 / (1 - 0.3)); // computed as the graph does: 2 · (1 / (1 − 0.3)) in float
        float keptInFloat = 2f * (1f / (1f - 0.3f));
        for (float[] out : training) {
            int zeros = 0;
            double sum = 0;
            for (float v : out) {
                if (v == 0) {
                    zeros++;
                } else {
                    assertThat(v).isIn(kept, keptInFloat);
                }
                sum += v;
            }
            int n = out.length;
            double sd = Math.sqrt(n * 0.3 * 0.7);
            assertThat((double) zeros).isBetween(n * 0.3 - 5 * sd, n * 0.3 + 5 * sd);
            // inverted dropout keeps the expectation: the mean of 2s stays 2 (the sd of the mean is 2·√(0.3/0.7/n))
            assertThat(sum / n).isBetween(2 - 5 * 2 * Math.sqrt(0.3 / 0.7 / n), 2 + 5 * 2 * Math.sqrt(0.3 / 0.7 / n));
        }
        assertThat(training.get(0)).as("two sites draw different masks").isNotEqualTo(training.get(1));
        assertThat(run(new long[] {7, 3}).get(0)).as("the same seed and step, the same mask").containsExactly(training.get(0));
        assertThat(run(new long[] {7, 4}).get(0)).as("another step, another mask").isNotEqualTo(training.get(0));
        assertThat(run(new long[] {8, 3}).get(0)).as("another seed, another mask").isNotEqualTo(training.get(0));
        for (float[] out : run(null)) {
            for (float v : out) {
                assertThat(v).isEqualTo(2f);
            }
        }
    }

    private static Experiment experiment(double embed, double attention, double residual) {
        return Iclab.experiment("dropout").seed(4).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(6))
                .model(Iclab.gpt2(m -> m.layers(2).heads(2).embed(16).positions(8)
                        .embedDropout(embed).attentionDropout(attention).residualDropout(residual)))
                .train(t -> t.steps(10).batch(8).optimizer(Iclab.adam(1e-3))).build();
    }

    /** Predictions before training, the loss of each of three training steps, and predictions after them. */
    private static List<float[]> trace(Experiment e) {
        PromptBatch b = PromptSampler.of(e).sample(1, 8, 6, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(4);
            float[] before = m.predict(b);
            float[] losses = new float[3];
            for (int s = 1; s <= 3; s++) {
                losses[s - 1] = m.trainStep(b, s);
            }
            return List.of(before, losses, m.predict(b), new float[] {m.loss(b)});
        }
    }

    @Test
    void aResumedRunDrawsTheSameMasks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Experiment e = experiment(0.2, 0.2, 0.2);
        PromptBatch b = PromptSampler.of(e).sample(1, 8, 6, 3);
        java.util.Map<String, float[]> straight;
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(4);
            for (int s = 1; s <= 6; s++) {
                m.trainStep(b, s);
            }
            straight = m.parameterValues();
        }
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(4);
            for (int s = 1; s <= 3; s++) {
                m.trainStep(b, s);
            }
            m.save(dir.resolve("ckpt"));
        }
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.restore(dir.resolve("ckpt"));
            for (int s = 4; s <= 6; s++) {
                m.trainStep(b, s);
            }
            for (var entry : straight.entrySet()) {
                assertThat(m.parameterValues().get(entry.getKey())).as(entry.getKey()).containsExactly(entry.getValue());
            }
        }
    }

    @Test
    void gpt2DropsOutInTrainingStepsOnlyTheSameWayForTheSameSeed() {
        List<float[]> plain = trace(experiment(0, 0, 0));
        List<float[]> dropped = trace(experiment(0.1, 0.2, 0.3));
        // no parameter is added and none is drawn differently: untrained predictions are the plain model's, to the bit
        assertThat(dropped.get(0)).containsExactly(plain.get(0));
        // the first training step's loss is taken through the masks: not the plain model's
        assertThat(dropped.get(1)[0]).isNotEqualTo(plain.get(1)[0]);
        assertThat(trace(experiment(0.1, 0.2, 0.3)).get(1)).as("the same run again").containsExactly(dropped.get(1));
        // each rate alone is a site of its own
        for (List<Double> rates : List.of(List.of(0.5, 0.0, 0.0), List.of(0.0, 0.5, 0.0), List.of(0.0, 0.0, 0.5))) {
            float first = trace(experiment(rates.get(0), rates.get(1), rates.get(2))).get(1)[0];
            assertThat(first).as("rates " + rates).isNotEqualTo(plain.get(1)[0]).isFinite();
        }
        assertThat(new Gpt2(2, 2, 16, 8).dropsOut()).isFalse();
        assertThatThrownBy(() -> Iclab.looped(Iclab.gpt2(m -> m.layers(1).residualDropout(0.1)), 4)).isInstanceOf(SpecException.class)
                .hasMessageContaining("block must have no dropout");
        assertThatThrownBy(() -> experiment(1.0, -0.1, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("embedDropout must be in [0, 1), was 1.0")
                .hasMessageContaining("attentionDropout must be in [0, 1), was -0.1");
    }
}
