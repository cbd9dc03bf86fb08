package org.iclab.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.task.PromptBatch;
import org.iclab.task.Seeds;

/**
 * Garg et al.'s {@code GDModel} with their {@code NeuralNetwork}: for each prompt and each k ≥ 1 a fresh two-layer
 * ReLU network f(x) = w2·relu(W1 x + b1) + b2 (PyTorch's default initialisation: every weight and bias of a layer
 * uniform in ±1/sqrt(fan_in)) is trained with Adam (PyTorch's update, β 0.9/0.999, ε 1e-8) for {@code steps} steps on
 * the mean squared error over a subset of min(k, batch) of the first k examples drawn afresh without replacement
 * each step (Garg et al.'s {@code randperm(k)[:batch_size]}), and then predicts y_k.
 *
 * <p>Garg et al. train the networks of a batch of prompts together, so their loss is the mean over prompts too;
 * that scales every gradient by one constant, which Adam cancels (up to ε), so training each prompt's network on its
 * own mean is the same optimisation.
 *
 * <p>Randomness (initialisation and subsets) comes from a SplittableRandom seeded by the prompt's contents and k, so
 * a prediction does not depend on which thread computes it, on the prompt's position in its batch, or on other
 * prompts.
 *
 * <p>Speed: this is the costly baseline (1280 prompts × 40 prefixes × 100 steps). Each step runs forward and backward
 * one example at a time with parameters fixed, accumulating gradients in place: every inner loop is an axpy or an
 * elementwise product over the hidden units of whole float arrays, which HotSpot compiles to SIMD, and nothing is
 * allocated after a prompt's work arrays. A batched TensorFlow graph (all networks of a chunk of prompts as one
 * batched matmul) was not taken: it does the same arithmetic, padded to 40 rows for every k (twice the work on
 * average), in many small batched matmuls, and would move a classical baseline into the graph package.
 */
final class GradientDescentNetLearner implements Learner {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final int hidden;
    private final int steps;
    private final float lr;
    private final int batchSize;

    GradientDescentNetLearner(GradientDescentNet spec) {
        hidden = spec.hidden();
        steps = spec.steps();
        lr = (float) spec.lr();
        batchSize = spec.batch();
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        if (k == 0) {
            return 0;
        }
        Net net = new Net(batch.dims(), hidden, batch.points());
        net.load(batch, prompt);
        return net.fitAndPredict(k, steps, lr, batchSize, seed(batch, prompt, k));
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Net net = new Net(batch.dims(), hidden, batch.points());
        net.load(batch, prompt);
        for (int k = 1; k < out.length; k++) {
            out[k] = net.fitAndPredict(k, steps, lr, batchSize, seed(batch, prompt, k));
        }
        return out;
    }

    /** The seed of the fit at k of a prompt: from the prompt's inputs and outputs (all points) and k. */
    static long seed(PromptBatch batch, int prompt, int k) {
        long h = 0x6A09E667F3BCC909L;
        int n = batch.points();
        int d = batch.dims();
        for (int i = prompt * n * d, end = i + n * d; i < end; i++) {
            h = h * 0x100000001B3L ^ Float.floatToIntBits(batch.xs()[i]);
        }
        for (int i = prompt * n, end = i + n; i < end; i++) {
            h = h * 0x100000001B3L ^ Float.floatToIntBits(batch.ys()[i]);
        }
        return Seeds.derive(h, Seeds.Stream.EVAL, k);
    }

    /**
     * One network and its Adam state, with one prompt's examples; reused for every k of the prompt. W1 is kept as d
     * rows of hidden floats (so an input coordinate times its row is an axpy over hidden units) and every vector is
     * an array of its own: HotSpot's C2 (JDK 17) vectorises loops over whole arrays but not loops at a variable
     * offset into a shared one, which made a single packed parameter array 3× slower.
     */
    static final class Net {
        final int d;
        final int h;
        final float[][] w1;
        final float[] b1;
        final float[] w2;
        float b2;
        final float[][] gw1;
        final float[] gb1;
        final float[] gw2;
        float gb2;
        /** Adam's first and second moments, in the same shapes. */
        private final float[][] mw1;
        private final float[][] vw1;
        private final float[] mb1;
        private final float[] vb1;
        private final float[] mw2;
        private final float[] vw2;
        private float mb2;
        private float vb2;
        private final float[] pre;
        private final float[] gpre;
        private final int[] subset;
        /** The prompt's inputs, one array per point, and outputs. */
        private final float[][] x;
        private final float[] y;

        Net(int d, int h, int points) {
            this.d = d;
            this.h = h;
            w1 = new float[d][h];
            gw1 = new float[d][h];
            mw1 = new float[d][h];
            vw1 = new float[d][h];
            b1 = new float[h];
            w2 = new float[h];
            gb1 = new float[h];
            gw2 = new float[h];
            mb1 = new float[h];
            vb1 = new float[h];
            mw2 = new float[h];
            vw2 = new float[h];
            pre = new float[h];
            gpre = new float[h];
            subset = new int[points];
            x = new float[points][d];
            y = new float[points];
        }

        void load(PromptBatch batch, int prompt) {
            for (int i = 0; i < y.length; i++) {
                System.arraycopy(batch.xs(), (prompt * y.length + i) * d, x[i], 0, d);
            }
            System.arraycopy(batch.ys(), prompt * y.length, y, 0, y.length);
        }

        /** Trains a fresh network on examples 0..k-1 and predicts example k. */
        double fitAndPredict(int k, int steps, float lr, int batchSize, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            init(rng);
            int m = Math.min(k, batchSize);
            for (int i = 0; i < k; i++) {
                subset[i] = i;
            }
            for (int t = 1; t <= steps; t++) {
                if (m < k) {
                    for (int i = 0; i < m; i++) { // the first m of a random permutation of 0..k-1
                        int j = i + rng.nextInt(k - i);
                        int s = subset[i];
                        subset[i] = subset[j];
                        subset[j] = s;
                    }
                }
                gradient(subset, m);
                adam(t, lr);
            }
            return predict(x[k]);
        }

        /** PyTorch's nn.Linear initialisation: weights and biases uniform in ±1/sqrt(fan_in); Adam's moments zero. */
        void init(SplittableRandom rng) {
            float bound1 = (float) (1 / Math.sqrt(d));
            for (float[] row : w1) {
                uniform(rng, row, bound1);
            }
            uniform(rng, b1, bound1);
            float bound2 = (float) (1 / Math.sqrt(h));
            uniform(rng, w2, bound2);
            b2 = (float) rng.nextDouble(-bound2, bound2);
            for (int c = 0; c < d; c++) {
                Arrays.fill(mw1[c], 0);
                Arrays.fill(vw1[c], 0);
            }
            Arrays.fill(mb1, 0);
            Arrays.fill(vb1, 0);
            Arrays.fill(mw2, 0);
            Arrays.fill(vw2, 0);
            mb2 = 0;
            vb2 = 0;
        }

        private static void uniform(SplittableRandom rng, float[] into, float bound) {
            for (int i = 0; i < into.length; i++) {
                into[i] = (float) rng.nextDouble(-bound, bound);
            }
        }

        /** The network's output at input {@code in} (d values); leaves W1ᵀx + b1 in {@code pre}. */
        float predict(float[] in) {
            System.arraycopy(b1, 0, pre, 0, h);
            for (int c = 0; c < d; c++) {
                float xc = in[c];
                if (xc != 0) {
                    float[] row = w1[c];
                    for (int u = 0; u < h; u++) {
                        pre[u] += xc * row[u];
                    }
                }
            }
            float out = b2;
            for (int u = 0; u < h; u++) {
                out += w2[u] * Math.max(pre[u], 0f);
            }
            return out;
        }

        /**
         * The gradient of the mean squared error over the examples rows[0..m) of this prompt, into gw1, gb1, gw2, gb2;
         * returns that error. Parameters do not change during the pass, so each example's forward and backward run
         * together.
         */
        float gradient(int[] rows, int m) {
            for (float[] row : gw1) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gb1, 0);
            Arrays.fill(gw2, 0);
            gb2 = 0;
            float loss = 0;
            float scale = 2f / m;
            for (int r = 0; r < m; r++) {
                float[] in = x[rows[r]];
                float err = predict(in) - y[rows[r]];
                loss += err * err;
                float dout = scale * err;
                gb2 += dout;
                for (int u = 0; u < h; u++) {
                    float p = Math.max(pre[u], 0f);
                    gw2[u] += dout * p;
                    float g = pre[u] > 0 ? dout * w2[u] : 0f;
                    gpre[u] = g;
                    gb1[u] += g;
                }
                for (int c = 0; c < d; c++) {
                    float xc = in[c];
                    if (xc != 0) {
                        float[] row = gw1[c];
                        for (int u = 0; u < h; u++) {
                            row[u] += xc * gpre[u];
                        }
                    }
                }
            }
            return loss / m;
        }

        /** PyTorch's Adam step t (from 1) with β 0.9/0.999, ε 1e-8 and no weight decay. */
        void adam(int t, float lr) {
            float stepSize = (float) (lr / (1 - Math.pow(BETA1, t)));
            float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(BETA2, t));
            for (int c = 0; c < d; c++) {
                adam(w1[c], gw1[c], mw1[c], vw1[c], stepSize, bc2Sqrt);
            }
            adam(b1, gb1, mb1, vb1, stepSize, bc2Sqrt);
            adam(w2, gw2, mw2, vw2, stepSize, bc2Sqrt);
            mb2 = BETA1 * mb2 + (1 - BETA1) * gb2;
            vb2 = BETA2 * vb2 + (1 - BETA2) * gb2 * gb2;
            b2 -= stepSize * mb2 / ((float) Math.sqrt(vb2) / bc2Sqrt + EPS);
        }

        private static void adam(float[] p, float[] g, float[] m, float[] v, float stepSize, float bc2Sqrt) {
            for (int i = 0; i < p.length; i++) {
                float gi = g[i];
                float a = BETA1 * m[i] + (1 - BETA1) * gi;
                float b = BETA2 * v[i] + (1 - BETA2) * gi * gi;
                m[i] = a;
                v[i] = b;
                p[i] -= stepSize * a / ((float) Math.sqrt(b) / bc2Sqrt + EPS);
            }
        }

        /** Parameters in the order W1 (row by row), b1, w2, b2: how many. */
        int parameterCount() {
            return d * h + 2 * h + 1;
        }

        /** Parameter i in that order. */
        float param(int i) {
            return i < d * h ? w1[i / h][i % h] : i < d * h + h ? b1[i - d * h] : i < d * h + 2 * h ? w2[i - d * h - h] : b2;
        }

        void setParam(int i, float value) {
            if (i < d * h) {
                w1[i / h][i % h] = value;
            } else if (i < d * h + h) {
                b1[i - d * h] = value;
            } else if (i < d * h + 2 * h) {
                w2[i - d * h - h] = value;
            } else {
                b2 = value;
            }
        }

        /** The gradient of parameter i, in that order, from the last {@link #gradient} call. */
        float grad(int i) {
            return i < d * h ? gw1[i / h][i % h] : i < d * h + h ? gb1[i - d * h] : i < d * h + 2 * h ? gw2[i - d * h - h] : gb2;
        }
    }
}
