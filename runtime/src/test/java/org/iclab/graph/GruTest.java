package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gru;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/** The GRU against a hand computation of PyTorch's equations, and in training. */
class GruTest {
    private static Experiment experiment(int steps) {
        return Experiment.builder("gru").seed(3).task(new LinearRegression(3)).prompt(new Interleaved(6)).model(new Gru(1, 5, 6))
                .train(t -> t.steps(steps).batch(16).optimizer(new Adam(1e-2))).build();
    }

    @Test
    void aLayerComputesPyTorchsGruEquations() {
        Experiment e = experiment(1);
        PromptBatch batch = PromptSampler.of(e).sample(1, 2, 6, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            Map<String, float[]> p = m.parameterValues();
            assertThat(m.parameterNames()).containsExactly("read_in/w", "read_in/b", "gru0/wx", "gru0/bx", "gru0/wh", "gru0/bh",
                    "read_out/w", "read_out/b");
            int hd = 5;
            int tokens = 12;
            float[] in = m.hidden(0, batch);
            float[] out = m.hidden(1, batch);
            for (int b = 0; b < 2; b++) {
                double[] h = new double[hd];
                for (int t = 0; t < tokens; t++) {
                    double[] x = new double[hd];
                    for (int j = 0; j < hd; j++) {
                        x[j] = in[(b * tokens + t) * hd + j];
                    }
                    double[] gx = affine(x, p.get("gru0/wx"), p.get("gru0/bx"), hd);
                    double[] gh = affine(h, p.get("gru0/wh"), p.get("gru0/bh"), hd);
                    double[] next = new double[hd];
                    for (int j = 0; j < hd; j++) {
                        double r = sigmoid(gx[j] + gh[j]);
                        double z = sigmoid(gx[hd + j] + gh[hd + j]);
                        double n = Math.tanh(gx[2 * hd + j] + r * gh[2 * hd + j]);
                        next[j] = (1 - z) * n + z * h[j];
                    }
                    h = next;
                    for (int j = 0; j < hd; j++) {
                        assertThat((double) out[(b * tokens + t) * hd + j]).as("prompt %d token %d unit %d", b, t, j)
                                .isCloseTo(h[j], within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void trainingLowersTheLoss() {
        // one-dimensional regression: y = w·x is learnable from the first example, so a small GRU gains quickly
        Experiment e = Experiment.builder("gru").seed(3).task(new LinearRegression(1)).prompt(new Interleaved(6)).model(new Gru(1, 16, 6))
                .train(t -> t.steps(300).batch(32).optimizer(new Adam(1e-2))).build();
        PromptSampler sampler = PromptSampler.of(e);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            PromptBatch held = sampler.sample(999, 128, 6, 1);
            float before = m.loss(held);
            for (int step = 1; step <= 300; step++) {
                m.trainStep(sampler.sample(step, 32, 6, 1), step);
            }
            float after = m.loss(held);
            assertThat(after).as("held-out loss after 300 steps (before: %s)", before).isLessThan(0.6f * before);
        }
    }

    /** x · W + b with W [hd, 3·hd] row-major. */
    private static double[] affine(double[] x, float[] w, float[] b, int hd) {
        double[] y = new double[3 * hd];
        for (int o = 0; o < 3 * hd; o++) {
            double s = b[o];
            for (int i = 0; i < hd; i++) {
                s += x[i] * w[i * 3 * hd + o];
            }
            y[o] = s;
        }
        return y;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
