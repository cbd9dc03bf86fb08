package org.iclab.baseline;

import java.util.SplittableRandom;
import org.iclab.spec.GradientDescentNet;
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
 * elementwise product over the hidden units of contiguous float arrays, which HotSpot compiles to SIMD, and nothing
 * is allocated after a prompt's work arrays.
 */
final class GradientDescentNetLearner implements Learner {
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
     * One network and its Adam state, with one prompt's examples; reused for every k of the prompt. Parameters live in
     * one array: W1 as [d][hidden] (so an input coordinate times its row is an axpy over hidden units), b1, w2, b2.
     */
    static final class Net {
        final int d;
        final int h;
        final float[] params;
        final float[] grad;
        private final float[] m1;
        private final float[] m2;
        private final float[] pre;
        private final float[] gpre;
        private final int[] subset;
        private final float[] x;
        private final float[] y;
        final int b1;
        final int w2;
        final int b2;

        Net(int d, int h, int points) {
            this.d = d;
            this.h = h;
            b1 = d * h;
            w2 = b1 + h;
            b2 = w2 + h;
            params = new float[b2 + 1];
            grad = new float[params.length];
            m1 = new float[params.length];
            m2 = new float[params.length];
            pre = new float[h];
            gpre = new float[h];
            subset = new int[points];
            x = new float[points * d];
            y = new float[points];
        }

        void load(PromptBatch batch, int prompt) {
            System.arraycopy(batch.xs(), prompt * x.length, x, 0, x.length);
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
            return predict(x, k * d);
        }

        /** PyTorch's nn.Linear initialisation: weights and biases uniform in ±1/sqrt(fan_in); Adam's moments zero. */
        void init(SplittableRandom rng) {
            float bound1 = (float) (1 / Math.sqrt(d));
            for (int i = 0; i < w2; i++) { // W1 and b1
                params[i] = (float) rng.nextDouble(-bound1, bound1);
            }
            float bound2 = (float) (1 / Math.sqrt(h));
            for (int i = w2; i < params.length; i++) { // w2 and b2
                params[i] = (float) rng.nextDouble(-bound2, bound2);
            }
            java.util.Arrays.fill(m1, 0);
            java.util.Arrays.fill(m2, 0);
        }

        /** The network's output at the input x[offset..offset+d). */
        float predict(float[] xs, int offset) {
            hiddenPre(xs, offset);
            float out = params[b2];
            for (int u = 0; u < h; u++) {
                out += params[w2 + u] * Math.max(pre[u], 0f);
            }
            return out;
        }

        /** pre = W1ᵀx + b1 for the input at xs[offset..]. */
        private void hiddenPre(float[] xs, int offset) {
            System.arraycopy(params, b1, pre, 0, h);
            for (int c = 0; c < d; c++) {
                float xc = xs[offset + c];
                if (xc != 0) {
                    int row = c * h;
                    for (int u = 0; u < h; u++) {
                        pre[u] += xc * params[row + u];
                    }
                }
            }
        }

        /**
         * grad = gradient of the mean squared error over the examples rows[0..m) of this prompt; returns that error.
         * Parameters do not change during the pass, so each example's forward and backward run together.
         */
        float gradient(int[] rows, int m) {
            java.util.Arrays.fill(grad, 0);
            float loss = 0;
            float scale = 2f / m;
            for (int r = 0; r < m; r++) {
                int j = rows[r];
                float out = predict(x, j * d);
                float err = out - y[j];
                loss += err * err;
                float dout = scale * err;
                grad[b2] += dout;
                for (int u = 0; u < h; u++) {
                    float p = pre[u];
                    grad[w2 + u] += p > 0 ? dout * p : 0f;
                    float g = p > 0 ? dout * params[w2 + u] : 0f;
                    gpre[u] = g;
                    grad[b1 + u] += g;
                }
                int offset = j * d;
                for (int c = 0; c < d; c++) {
                    float xc = x[offset + c];
                    if (xc != 0) {
                        int row = c * h;
                        for (int u = 0; u < h; u++) {
                            grad[row + u] += xc * gpre[u];
                        }
                    }
                }
            }
            return loss / m;
        }

        /** PyTorch's Adam step t (from 1) with β 0.9/0.999, ε 1e-8 and no weight decay. */
        void adam(int t, float lr) {
            final float beta1 = 0.9f;
            final float beta2 = 0.999f;
            final float eps = 1e-8f;
            float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
            float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
            for (int i = 0; i < params.length; i++) {
                float g = grad[i];
                float a = m1[i] = beta1 * m1[i] + (1 - beta1) * g;
                float v = m2[i] = beta2 * m2[i] + (1 - beta2) * g * g;
                params[i] -= stepSize * a / ((float) Math.sqrt(v) / bc2Sqrt + eps);
            }
        }

        /** The mean squared error over examples 0..k-1 at the current parameters. */
        double loss(int k) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                double e = predict(x, j * d) - y[j];
                s += e * e;
            }
            return s / k;
        }
    }
}
