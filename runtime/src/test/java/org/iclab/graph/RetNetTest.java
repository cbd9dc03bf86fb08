package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.RetNet;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/**
 * RetNet's parallel graph against the recurrent form of retention written out step by step in Java (S_t = γ S_{t−1} +
 * k_tᵀ v_t, o_t = q_t S_t), on a real-valued interleaved prompt: the state after the first block agrees within float
 * tolerance. Training fits a fixed batch.
 */
class RetNetTest {
    private static final int E = 8;
    private static final int H = 2;

    private static Experiment experiment(int steps) {
        return Iclab.experiment("r").seed(3).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(6))
                .model(new RetNet(1, H, E, 8)).train(t -> t.steps(steps).batch(16).optimizer(Iclab.adam(3e-3))).build();
    }

    @Test
    void theParallelGraphEqualsTheStepByStepRecurrence() {
        Experiment e = experiment(1);
        PromptBatch batch = PromptSampler.of(e).sample(7, 2, 6, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(11);
            Map<String, float[]> w = m.parameterValues();
            float[] in = m.hidden(0, batch);
            float[] out = m.hidden(1, batch);
            int tokens = in.length / (2 * E);
            for (int b = 0; b < 2; b++) {
                double[][] x = new double[tokens][E];
                for (int t = 0; t < tokens; t++) {
                    for (int c = 0; c < E; c++) {
                        x[t][c] = in[(b * tokens + t) * E + c];
                    }
                }
                double[][] expected = block(x, w);
                for (int t = 0; t < tokens; t++) {
                    for (int c = 0; c < E; c++) {
                        assertThat((double) out[(b * tokens + t) * E + c]).as("prompt %d, token %d, coordinate %d", b, t, c)
                                .isCloseTo(expected[t][c], within(1e-4 + 1e-4 * Math.abs(expected[t][c])));
                    }
                }
            }
        }
    }

    /** One block, recurrently: LN, q/k/v, per-head state S, GroupNorm, swish gate, W_O, residual; then LN, MLP, residual. */
    private static double[][] block(double[][] x, Map<String, float[]> w) {
        int n = x.length;
        int dh = E / H;
        double[][] y = new double[n][];
        double[][][] state = new double[H][dh][dh];
        for (int t = 0; t < n; t++) {
            double[] u = Naive.layerNorm(x[t], w.get("r0/ln_1/g"), w.get("r0/ln_1/b"));
            double[] q = Naive.times(u, w.get("r0/q"), E, E);
            double[] k = Naive.times(u, w.get("r0/k"), E, E);
            double[] v = Naive.times(u, w.get("r0/v"), E, E);
            double[] merged = new double[E];
            for (int h = 0; h < H; h++) {
                double gamma = RetNet.decay(h);
                double[] o = new double[dh];
                for (int i = 0; i < dh; i++) {
                    for (int j = 0; j < dh; j++) {
                        state[h][i][j] = gamma * state[h][i][j] + k[h * dh + i] / Math.sqrt(dh) * v[h * dh + j];
                    }
                }
                for (int j = 0; j < dh; j++) {
                    for (int i = 0; i < dh; i++) {
                        o[j] += q[h * dh + i] * state[h][i][j];
                    }
                }
                double[] normed = Naive.layerNorm(o, null, null);
                System.arraycopy(normed, 0, merged, h * dh, dh);
            }
            double[] gate = Naive.times(u, w.get("r0/g"), E, E);
            double[] gated = new double[E];
            for (int c = 0; c < E; c++) {
                gated[c] = gate[c] / (1 + Math.exp(-gate[c])) * merged[c];
            }
            double[] r = Naive.add(x[t], Naive.times(gated, w.get("r0/o"), E, E));
            double[] fc = Naive.times(Naive.layerNorm(r, w.get("r0/ln_2/g"), w.get("r0/ln_2/b")), w.get("r0/mlp/c_fc/w"), E, 4 * E);
            for (int c = 0; c < fc.length; c++) {
                double a = fc[c] + w.get("r0/mlp/c_fc/b")[c];
                fc[c] = 0.5 * a * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)));
            }
            double[] proj = Naive.times(fc, w.get("r0/mlp/c_proj/w"), 4 * E, E);
            for (int c = 0; c < E; c++) {
                proj[c] += w.get("r0/mlp/c_proj/b")[c];
            }
            y[t] = Naive.add(r, proj);
        }
        return y;
    }

    @Test
    void trainingFitsAFixedBatch() {
        Naive.assertFitsAFixedBatch(experiment(200), 6, 3);
    }
}
