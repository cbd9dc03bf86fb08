package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Model;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.prompt.Stacked;
import org.iclab.spec.inputs.Uniform;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/** Hand-built weights with outputs known in closed form, and equivalences between architectures. */
class ConstructionsTest {
    static Experiment experiment(int dims, Prompt prompt, Model model) {
        return Experiment.builder("construction").seed(2).task(new LinearRegression(dims)).inputs(new Uniform(-0.5, 0.5))
                .prompt(prompt).model(model).train(t -> t.steps(10).batch(4).optimizer(new Adam(1e-3))).build();
    }

    @Test
    void vonOswaldsWeightsMakeOneLinearAttentionLayerOneStepOfGradientDescent() {
        int d = 4;
        int points = 8;
        double eta = 0.7;
        Experiment e = experiment(d, new Stacked(points, true, Prompt.NONE), new LinearAttention(1));
        PromptBatch batch = PromptSampler.of(e).sample(3, 5, points, d);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            int w = d + 1;
            float[] kq = new float[w * w];   // W_K = W_Q = [[I_d, 0], [0, 0]]: scores are x_i · x_j
            for (int j = 0; j < d; j++) {
                kq[j * w + j] = 1;
            }
            float[] v = new float[w * w];    // W_V moves eta·y into the y coordinate
            v[d * w + d] = (float) eta;
            float[] p = new float[w * w];    // P = I
            for (int j = 0; j < w; j++) {
                p[j * w + j] = 1;
            }
            model.assign(Map.of("lsa0/q", kq, "lsa0/k", kq, "lsa0/v", v, "lsa0/p", p));
            float[] pred = model.predict(batch);
            for (int b = 0; b < batch.batch(); b++) {
                for (int k = 0; k < points; k++) {
                    // One GD step from w = 0 on L(w) = 1/(2k) Σ_{i<k} (w·x_i − y_i)²: w_1 = (eta/k) Σ y_i x_i.
                    double[] w1 = new double[d];
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < d; j++) {
                            w1[j] += eta / k * batch.ys()[b * points + i] * batch.xs()[(b * points + i) * d + j];
                        }
                    }
                    double expected = 0;
                    for (int j = 0; j < d; j++) {
                        expected += w1[j] * batch.xs()[(b * points + k) * d + j];
                    }
                    assertThat((double) pred[b * points + k]).as("prompt %d, k %d", b, k).isCloseTo(expected, within(1e-5 + 1e-5 * Math.abs(expected)));
                }
            }
        }
    }

    @Test
    void bLoopsOfOneBlockEqualBStackedCopiesWithTiedWeights() {
        int d = 3;
        int points = 5;
        Gpt2 oneLayer = new Gpt2(1, 2, 16, 8, false, true);
        Experiment looped = experiment(d, new Interleaved(points, false, false, Prompt.NONE), new Looped(oneLayer, 3, 3, Looped.NONE));
        Experiment stacked = experiment(d, new Interleaved(points, false, false, Prompt.NONE), new Gpt2(3, 2, 16, 8, false, true));
        PromptBatch batch = PromptSampler.of(looped).sample(5, 4, points, d);
        try (CompiledModel l = CompiledModel.compile(looped, 1); CompiledModel s = CompiledModel.compile(stacked, 1)) {
            Map<String, float[]> tied = new HashMap<>();
            l.parameterValues().forEach((name, value) -> {
                if (name.startsWith("h0/")) {
                    for (int layer = 0; layer < 3; layer++) {
                        tied.put("h" + layer + name.substring(2), value);
                    }
                } else {
                    tied.put(name, value);
                }
            });
            assertThat(tied.keySet()).containsExactlyInAnyOrderElementsOf(s.parameterNames());
            s.assign(tied);
            float[] a = l.predict(batch);
            float[] b = s.predict(batch);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("prediction %d", i).isCloseTo(b[i], within(1e-5f + 1e-5f * Math.abs(b[i])));
            }
            // and the looped model is not the tied stack read after another loop count
            float[] two = l.predict(batch, 2);
            assertThat(two).isNotEqualTo(a);
        }
    }

    @Test
    void oneLoopWithInjectionIsTheOneLayerGpt2() {
        int d = 3;
        int points = 5;
        Gpt2 block = new Gpt2(1, 2, 16, 8);
        Experiment looped = experiment(d, new Interleaved(points), new Looped(block, 1));
        Experiment gpt2 = experiment(d, new Interleaved(points), block);
        PromptBatch batch = PromptSampler.of(looped).sample(6, 4, points, d);
        try (CompiledModel l = CompiledModel.compile(looped, 1); CompiledModel g = CompiledModel.compile(gpt2, 1)) {
            assertThat(l.parameterNames()).isEqualTo(g.parameterNames()); // same names, same order: same initial values
            assertThat(l.predict(batch)).isEqualTo(g.predict(batch));
        }
    }

    @Test
    void everyFormatLaysOutTheTokensItDocuments() {
        int d = 3;
        int points = 4;
        for (Prompt prompt : List.of(new Interleaved(points, false, false, Prompt.NONE), new Interleaved(points, false, true, Prompt.NONE),
                new Interleaved(points, true, false, Prompt.NONE), new Interleaved(points, true, true, Prompt.NONE),
                new Stacked(points, true, Prompt.NONE), new Stacked(points, false, Prompt.NONE))) {
            // Linear attention on the tokens themselves: hidden_0 is the token sequence.
            Experiment e = experiment(d, prompt, new LinearAttention(1));
            PromptBatch batch = PromptSampler.of(e).sample(1, 2, points, d);
            try (CompiledModel model = CompiledModel.compile(e, 1)) {
                int w = prompt.width(d);
                assertThat(model.width()).isEqualTo(w);
                float[] tokens = model.hidden(0, batch);
                assertThat(tokens).hasSize(2 * 2 * points * w);
                for (int b = 0; b < 2; b++) {
                    for (int i = 0; i < points; i++) {
                        float[] x = new float[d];
                        System.arraycopy(batch.xs(), (b * points + i) * d, x, 0, d);
                        float y = batch.ys()[b * points + i];
                        float[][] expected = expectedPair(prompt, x, y, w);
                        for (int t = 0; t < 2; t++) {
                            float[] actual = new float[w];
                            System.arraycopy(tokens, ((b * 2 * points) + 2 * i + t) * w, actual, 0, w);
                            for (int j = 0; j < w; j++) {
                                actual[j] += 0f; // −0 (y·0) reads as +0
                            }
                            assertThat(actual).as("%s pair %d token %d", prompt, i, t).isEqualTo(expected[t]);
                        }
                    }
                }
            }
        }
    }

    /** The two tokens of pair (x, y), written out from the formats' documentation. */
    private static float[][] expectedPair(Prompt prompt, float[] x, float y, int w) {
        int d = x.length;
        float[] first = new float[w];
        float[] second = new float[w];
        if (prompt instanceof Interleaved in) {
            int xAt = in.disjoint() && !in.yLast() ? 1 : 0;
            System.arraycopy(x, 0, first, xAt, d);
            second[in.yLast() ? w - 1 : 0] = y;
        } else {
            int xAt = prompt.yLast() ? 0 : 1;
            System.arraycopy(x, 0, first, xAt, d);
            System.arraycopy(x, 0, second, xAt, d);
            second[prompt.yLast() ? d : 0] = y;
        }
        return new float[][] {first, second};
    }

    @Test
    void sinusoidalPositionsAddVaswanisTable() {
        int d = 3;
        int points = 5;
        Experiment none = experiment(d, new Interleaved(points, false, false, Prompt.NONE), new Gpt2(1, 2, 16, 8));
        Experiment sinusoidal = experiment(d, new Interleaved(points, false, false, Prompt.SINUSOIDAL), new Gpt2(1, 2, 16, 8));
        PromptBatch batch = PromptSampler.of(none).sample(7, 2, points, d);
        try (CompiledModel a = CompiledModel.compile(none, 1); CompiledModel b = CompiledModel.compile(sinusoidal, 1)) {
            assertThat(a.parameterNames()).isEqualTo(b.parameterNames()).doesNotContain("wpe");
            float[] plain = a.hidden(0, batch);
            float[] withPositions = b.hidden(0, batch);
            int e = 16;
            for (int bi = 0; bi < 2; bi++) {
                for (int t = 0; t < 2 * points; t++) {
                    for (int i = 0; i < e; i++) {
                        double angle = t / Math.pow(10000, 2 * (i / 2) / (double) e);
                        double table = i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                        int at = (bi * 2 * points + t) * e + i;
                        assertThat((double) (withPositions[at] - plain[at])).isCloseTo(table, within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void anLstmComputesWhatItsEquationsSay() {
        int d = 2;
        int points = 3;
        int hd = 3;
        Experiment e = experiment(d, new Interleaved(points), new Lstm(1, hd, 8));
        PromptBatch batch = PromptSampler.of(e).sample(9, 2, points, d);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            Map<String, float[]> p = model.parameterValues();
            float[] pred = model.predict(batch);
            for (int b = 0; b < 2; b++) {
                double[] h = new double[hd];
                double[] c = new double[hd];
                for (int t = 0; t < 2 * points; t++) {
                    double[] token = new double[d];
                    int pair = t / 2;
                    if (t % 2 == 0) {
                        for (int j = 0; j < d; j++) {
                            token[j] = batch.xs()[(b * points + pair) * d + j];
                        }
                    } else {
                        token[0] = batch.ys()[b * points + pair];
                    }
                    double[] u = affine(token, p.get("read_in/w"), p.get("read_in/b"), hd);
                    double[] joined = new double[2 * hd];
                    System.arraycopy(u, 0, joined, 0, hd);
                    System.arraycopy(h, 0, joined, hd, hd);
                    double[] gates = affine(joined, p.get("lstm0/w"), p.get("lstm0/b"), 4 * hd);
                    for (int j = 0; j < hd; j++) {
                        double in = sigmoid(gates[j]);
                        double forget = sigmoid(gates[hd + j] + 1);
                        double cell = Math.tanh(gates[2 * hd + j]);
                        double out = sigmoid(gates[3 * hd + j]);
                        c[j] = forget * c[j] + in * cell;
                        h[j] = out * Math.tanh(c[j]);
                    }
                    if (t % 2 == 0) {
                        double expected = affine(h, p.get("read_out/w"), p.get("read_out/b"), 1)[0];
                        assertThat((double) pred[b * points + pair]).as("prompt %d, prediction %d", b, pair).isCloseTo(expected, within(1e-5));
                    }
                }
            }
        }
    }

    @Test
    void aGpt2WhoseBlocksWriteNothingReadsOutItsEmbedding() {
        int d = 3;
        int points = 4;
        int e = 16;
        Experiment exp = experiment(d, new Interleaved(points), new Gpt2(2, 2, e, 8));
        PromptBatch batch = PromptSampler.of(exp).sample(4, 2, points, d);
        try (CompiledModel model = CompiledModel.compile(exp, 1)) {
            Map<String, float[]> zero = new HashMap<>();
            for (String name : model.parameterNames()) {
                if (name.contains("c_proj")) {
                    zero.put(name, new float[model.parameterValues().get(name).length]);
                }
            }
            model.assign(zero);
            Map<String, float[]> p = model.parameterValues();
            float[] pred = model.predict(batch);
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < points; k++) {
                    double[] x = new double[d];
                    for (int j = 0; j < d; j++) {
                        x[j] = batch.xs()[(b * points + k) * d + j];
                    }
                    double[] emb = affine(x, p.get("read_in/w"), p.get("read_in/b"), e);
                    for (int i = 0; i < e; i++) {
                        emb[i] += p.get("wpe")[(2 * k) * e + i];
                    }
                    double expected = affine(layerNorm(emb, p.get("ln_f/g"), p.get("ln_f/b")), p.get("read_out/w"), p.get("read_out/b"), 1)[0];
                    assertThat((double) pred[b * points + k]).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    static double[] affine(double[] x, float[] w, float[] bias, int out) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) {
                s += x[i] * w[i * out + o];
            }
            y[o] = s;
        }
        return y;
    }

    static double[] layerNorm(double[] x, float[] gain, float[] bias) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * gain[i] + bias[i];
        }
        return y;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
