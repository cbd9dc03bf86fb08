package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Mamba;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Mamba graph, with its state update run position by position and as a parallel prefix scan (four rounds over
 * the 10 tokens of the prompt), against the selective scan written out step by step in Java from the same
 * parameters, on a real-valued interleaved prompt; training fits a fixed batch.
 */
class MambaTest {
    private static final int E = 4;
    private static final int N = 3;

    private static Experiment experiment(int steps) {
        return experiment(steps, Mamba.SEQUENTIAL);
    }

    private static Experiment experiment(int steps, String scan) {
        return Iclab.experiment("m").seed(3).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5))
                .model(new Mamba(1, E, N, 8, scan)).train(t -> t.steps(steps).batch(16).optimizer(Iclab.adam(3e-3))).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {Mamba.SEQUENTIAL, Mamba.PARALLEL})
    void theGraphEqualsTheSelectiveScanStepByStep(String scan) {
        Experiment e = experiment(1, scan);
        PromptBatch batch = PromptSampler.of(e).sample(7, 2, 5, 3);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(11);
            Map<String, float[]> w = new java.util.HashMap<>(m.parameterValues());
            // move Δ and the convolution off their initial values so every path matters
            java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
            for (String name : new String[] {"mamba0/dt/b", "mamba0/d", "mamba0/conv/b"}) {
                float[] v = w.get(name);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextDouble() - 0.5);
                }
            }
            m.assign(w);
            float[] in = m.hidden(0, batch);
            float[] out = m.hidden(1, batch);
            int tokens = in.length / (2 * E);
            for (int b = 0; b < 2; b++) {
                double[][] expected = scan(in, b, tokens, w);
                for (int t = 0; t < tokens; t++) {
                    for (int c = 0; c < E; c++) {
                        assertThat((double) out[(b * tokens + t) * E + c]).as("prompt %d, token %d, coordinate %d", b, t, c)
                                .isCloseTo(expected[t][c], within(1e-4 + 1e-4 * Math.abs(expected[t][c])));
                    }
                }
            }
        }
    }

    private static double[][] scan(float[] in, int b, int tokens, Map<String, float[]> w) {
        int inner = 2 * E;
        int rank = new Mamba(1, E, N).dtRank();
        double[][] h = new double[inner][N];
        double[][] past = new double[Mamba.CONV - 1][inner]; // oldest first
        double[][] y = new double[tokens][E];
        for (int t = 0; t < tokens; t++) {
            double[] x = new double[E];
            for (int c = 0; c < E; c++) {
                x[c] = in[(b * tokens + t) * E + c];
            }
            double[] u = Naive.layerNorm(x, w.get("mamba0/ln/g"), w.get("mamba0/ln/b"));
            double[] both = Naive.times(u, w.get("mamba0/in/w"), E, 2 * inner);
            double[] xs = java.util.Arrays.copyOfRange(both, 0, inner);
            double[] z = java.util.Arrays.copyOfRange(both, inner, 2 * inner);
            double[] xc = new double[inner];
            float[] convW = w.get("mamba0/conv/w");
            for (int i = 0; i < inner; i++) {
                double s = w.get("mamba0/conv/b")[i];
                for (int j = 0; j < Mamba.CONV - 1; j++) {
                    s += past[j][i] * convW[j * inner + i];
                }
                s += xs[i] * convW[(Mamba.CONV - 1) * inner + i];
                xc[i] = s / (1 + Math.exp(-s));
            }
            for (int j = 0; j + 1 < Mamba.CONV - 1; j++) {
                past[j] = past[j + 1];
            }
            past[Mamba.CONV - 2] = xs;
            double[] dt = Naive.times(Naive.times(xc, w.get("mamba0/x_dt/w"), inner, rank), w.get("mamba0/dt/w"), rank, inner);
            double[] bv = Naive.times(xc, w.get("mamba0/x_b/w"), inner, N);
            double[] cv = Naive.times(xc, w.get("mamba0/x_c/w"), inner, N);
            double[] gatedY = new double[inner];
            for (int i = 0; i < inner; i++) {
                double delta = Math.log1p(Math.exp(dt[i] + w.get("mamba0/dt/b")[i]));
                double yi = w.get("mamba0/d")[i] * xc[i];
                for (int n = 0; n < N; n++) {
                    double a = -Math.exp(w.get("mamba0/a_log")[i * N + n]);
                    h[i][n] = Math.exp(delta * a) * h[i][n] + delta * xc[i] * bv[n];
                    yi += h[i][n] * cv[n];
                }
                gatedY[i] = yi * z[i] / (1 + Math.exp(-z[i]));
            }
            double[] o = Naive.times(gatedY, w.get("mamba0/out/w"), inner, E);
            for (int c = 0; c < E; c++) {
                y[t][c] = x[c] + o[c];
            }
        }
        return y;
    }

    @Test
    void theStateMatrixStartsAtMinusOneToMinusN() {
        try (CompiledModel m = CompiledModel.compile(experiment(1), 1)) {
            m.initialize(1);
            float[] aLog = m.parameterValues().get("mamba0/a_log");
            for (int i = 0; i < aLog.length; i++) {
                assertThat(-Math.exp(aLog[i])).isCloseTo(-(i % N + 1), within(1e-5));
            }
        }
    }

    @Test
    void trainingFitsAFixedBatch() {
        Naive.assertFitsAFixedBatch(experiment(200), 5, 3);
    }
}
