package org.iclab.probe;

import java.util.SplittableRandom;

/**
 * A probe that pools a layer's hidden states over token positions before reading a target from them (Akyürek et al.
 * 2023's probe): learned position scores s give weights a = softmax(s) over the T tokens, the pooled state is
 * z = Σ_t a_t h_t, and the target is read from z by a linear map (hidden 0) or by a one-hidden-layer ReLU network
 * (W₂ relu(W₁z + b₁) + b₂). Features are standardised per channel and targets per coordinate on the fit prompts, and
 * the squared error is minimised by Adam on minibatches (β 0.9 / 0.999, ε 1e-8) with the rate decayed along a cosine
 * towards 0 over the steps (lr · (1 + cos(π (t − 1) / steps)) / 2 at step t); the start (s = 0: uniform pooling; W₁ ~ N(0, 2/p), W₂ ~ N(0, 1/h), biases 0) and the minibatches
 * come from {@code seed}, so a fit is the same for the same seed and data.
 */
final class PooledFit {
    private final int tokens;
    private final int width;
    private final int hidden;
    private final int outputs;
    private final double[] featureMean;
    private final double[] featureScale;
    private final double[] targetMean;
    private final double[] targetScale;
    /** All parameters in one array: s (T), then W₁ (h × p), b₁ (h), W₂ (q × h), b₂ (q); with hidden 0: s, W (q × p), b (q). */
    final double[] params;

    private PooledFit(int tokens, int width, int hidden, int outputs, double[] featureMean, double[] featureScale,
                      double[] targetMean, double[] targetScale, double[] params) {
        this.tokens = tokens;
        this.width = width;
        this.hidden = hidden;
        this.outputs = outputs;
        this.featureMean = featureMean;
        this.featureScale = featureScale;
        this.targetMean = targetMean;
        this.targetScale = targetScale;
        this.params = params;
    }

    /** The settings of one fit. */
    record Settings(int hidden, int steps, int batch, double lr, long seed) {
    }

    /**
     * Fits {@code targets} (n × q) from {@code features} (n × T × p: each prompt's states at the T pooled tokens).
     */
    static PooledFit fit(double[][][] features, double[][] targets, Settings settings) {
        int n = features.length;
        int t = features[0].length;
        int p = features[0][0].length;
        int q = targets[0].length;
        double[] fMean = new double[p];
        double[] fScale = new double[p];
        for (double[][] prompt : features) {
            for (double[] token : prompt) {
                for (int j = 0; j < p; j++) {
                    fMean[j] += token[j];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            fMean[j] /= (double) n * t;
        }
        for (double[][] prompt : features) {
            for (double[] token : prompt) {
                for (int j = 0; j < p; j++) {
                    double d = token[j] - fMean[j];
                    fScale[j] += d * d;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            fScale[j] = scale(fScale[j] / ((double) n * t));
        }
        double[] tMean = new double[q];
        double[] tScale = new double[q];
        for (double[] row : targets) {
            for (int c = 0; c < q; c++) {
                tMean[c] += row[c] / n;
            }
        }
        for (double[] row : targets) {
            for (int c = 0; c < q; c++) {
                double d = row[c] - tMean[c];
                tScale[c] += d * d / n;
            }
        }
        for (int c = 0; c < q; c++) {
            tScale[c] = scale(tScale[c]);
        }
        SplittableRandom rng = new SplittableRandom(settings.seed());
        PooledFit fit = new PooledFit(t, p, settings.hidden(), q, fMean, fScale, tMean, tScale,
                new double[size(t, p, settings.hidden(), q)]);
        fit.initialise(rng);
        double[][][] x = new double[n][][];
        double[][] y = new double[n][q];
        for (int i = 0; i < n; i++) {
            x[i] = fit.standardised(features[i]);
            for (int c = 0; c < q; c++) {
                y[i][c] = (targets[i][c] - tMean[c]) / tScale[c];
            }
        }
        fit.train(x, y, settings, rng);
        return fit;
    }

    private static double scale(double variance) {
        double s = Math.sqrt(variance);
        return s > 1e-12 ? s : 1;
    }

    static int size(int tokens, int width, int hidden, int outputs) {
        return hidden == 0 ? tokens + outputs * width + outputs : tokens + hidden * width + hidden + outputs * hidden + outputs;
    }

    private void initialise(SplittableRandom rng) {
        int at = tokens;
        if (hidden == 0) {
            for (int i = 0; i < outputs * width; i++) {
                params[at++] = gaussian(rng) * Math.sqrt(1.0 / width);
            }
            return;
        }
        for (int i = 0; i < hidden * width; i++) {
            params[at++] = gaussian(rng) * Math.sqrt(2.0 / width);
        }
        at += hidden;
        for (int i = 0; i < outputs * hidden; i++) {
            params[at++] = gaussian(rng) * Math.sqrt(1.0 / hidden);
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private double[][] standardised(double[][] prompt) {
        double[][] out = new double[tokens][width];
        for (int s = 0; s < tokens; s++) {
            for (int j = 0; j < width; j++) {
                out[s][j] = (prompt[s][j] - featureMean[j]) / featureScale[j];
            }
        }
        return out;
    }

    private void train(double[][][] x, double[][] y, Settings settings, SplittableRandom rng) {
        int n = x.length;
        int batch = Math.min(settings.batch(), n); // a plan's batch is at most its fit prompts (ProbePlan)
        double[] grad = new double[params.length];
        double[] m = new double[params.length];
        double[] v = new double[params.length];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int next = n;
        Work work = new Work();
        int[] chosen = new int[batch];
        for (int step = 1; step <= settings.steps(); step++) {
            for (int b = 0; b < batch; b++) {
                if (next == n) {
                    shuffle(order, rng);
                    next = 0;
                }
                chosen[b] = order[next++];
            }
            java.util.Arrays.fill(grad, 0);
            for (int i : chosen) {
                accumulate(x[i], y[i], grad, 1.0 / (batch * outputs), work);
            }
            double rate = settings.lr() * 0.5 * (1 + Math.cos(Math.PI * (step - 1) / settings.steps()));
            double c1 = 1 - Math.pow(0.9, step);
            double c2 = 1 - Math.pow(0.999, step);
            for (int j = 0; j < params.length; j++) {
                m[j] = 0.9 * m[j] + 0.1 * grad[j];
                v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
                params[j] -= rate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + 1e-8);
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Buffers of one forward and backward pass. */
    private final class Work {
        final double[] a = new double[tokens];
        final double[] z = new double[width];
        final double[] u = new double[hidden];
        final double[] out = new double[outputs];
        final double[] dOut = new double[outputs];
        final double[] dR = new double[hidden];
        final double[] dZ = new double[width];
        final double[] dA = new double[tokens];
    }

    /** The position weights softmax(s). */
    double[] positionWeights() {
        double[] a = new double[tokens];
        softmax(a);
        return a;
    }

    private void softmax(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < tokens; s++) {
            max = Math.max(max, params[s]);
        }
        double sum = 0;
        for (int s = 0; s < tokens; s++) {
            a[s] = Math.exp(params[s] - max);
            sum += a[s];
        }
        for (int s = 0; s < tokens; s++) {
            a[s] /= sum;
        }
    }

    /** The forward pass of one standardised prompt into {@code w.out} (standardised targets). */
    private void forward(double[][] x, Work w) {
        softmax(w.a);
        java.util.Arrays.fill(w.z, 0);
        for (int s = 0; s < tokens; s++) {
            double a = w.a[s];
            double[] h = x[s];
            for (int j = 0; j < width; j++) {
                w.z[j] += a * h[j];
            }
        }
        if (hidden == 0) {
            dense(tokens, outputs, width, w.z, false, w.out);
        } else {
            dense(tokens, hidden, width, w.z, false, w.u);
            dense(tokens + hidden * width + hidden, outputs, hidden, w.u, true, w.out);
        }
    }

    /**
     * out = W in' + b for the weights at {@code at} (rows × cols, then the bias), in' = relu(in) with {@code relu}.
     */
    private void dense(int at, int rows, int cols, double[] in, boolean relu, double[] out) {
        for (int r = 0; r < rows; r++) {
            double o = params[at + rows * cols + r];
            int row = at + r * cols;
            for (int j = 0; j < cols; j++) {
                o += params[row + j] * (relu ? Math.max(0, in[j]) : in[j]);
            }
            out[r] = o;
        }
    }

    /** The backward pass of {@link #dense}: adds to the weights' and bias's gradient, and dOut through W to {@code dIn}. */
    private void denseBack(int at, int rows, int cols, double[] in, boolean relu, double[] dOut, double[] dIn, double[] grad) {
        java.util.Arrays.fill(dIn, 0);
        for (int r = 0; r < rows; r++) {
            double d = dOut[r];
            if (d == 0) {
                continue;
            }
            int row = at + r * cols;
            for (int j = 0; j < cols; j++) {
                grad[row + j] += d * (relu ? Math.max(0, in[j]) : in[j]);
                dIn[j] += d * params[row + j];
            }
            grad[at + rows * cols + r] += d;
        }
    }

    /** Adds weight × the gradient of Σ_c (out_c − y_c)² for one prompt to {@code grad}. */
    private void accumulate(double[][] x, double[] y, double[] grad, double weight, Work w) {
        forward(x, w);
        for (int c = 0; c < outputs; c++) {
            w.dOut[c] = 2 * (w.out[c] - y[c]) * weight;
        }
        if (hidden == 0) {
            denseBack(tokens, outputs, width, w.z, false, w.dOut, w.dZ, grad);
        } else {
            denseBack(tokens + hidden * width + hidden, outputs, hidden, w.u, true, w.dOut, w.dR, grad);
            for (int r = 0; r < hidden; r++) {
                if (w.u[r] <= 0) {
                    w.dR[r] = 0;
                }
            }
            denseBack(tokens, hidden, width, w.z, false, w.dR, w.dZ, grad);
        }
        double dot = 0;
        for (int s = 0; s < tokens; s++) {
            double g = 0;
            double[] h = x[s];
            for (int j = 0; j < width; j++) {
                g += w.dZ[j] * h[j];
            }
            w.dA[s] = g;
            dot += w.a[s] * g;
        }
        for (int s = 0; s < tokens; s++) {
            grad[s] += w.a[s] * (w.dA[s] - dot);
        }
    }

    /** The predicted targets of {@code features} (n × T × p), n × q. */
    double[][] predict(double[][][] features) {
        Work w = new Work();
        double[][] out = new double[features.length][outputs];
        for (int i = 0; i < features.length; i++) {
            forward(standardised(features[i]), w);
            for (int c = 0; c < outputs; c++) {
                out[i][c] = targetMean[c] + targetScale[c] * w.out[c];
            }
        }
        return out;
    }

    /** The loss Σ_i Σ_c (out − y)² · weight on already standardised data, and its gradient into {@code grad} (for tests). */
    double lossAndGradient(double[][][] x, double[][] y, double[] grad, double weight) {
        Work w = new Work();
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            accumulate(x[i], y[i], grad, weight, w);
            for (int c = 0; c < outputs; c++) {
                double d = w.out[c] - y[i][c];
                loss += d * d * weight;
            }
        }
        return loss;
    }

    /** An untrained fit of the given shape with the start {@code seed} gives, on unit-scale data (for tests). */
    static PooledFit untrained(int tokens, int width, int hidden, int outputs, long seed) {
        double[] ones = new double[width];
        java.util.Arrays.fill(ones, 1);
        double[] onesQ = new double[outputs];
        java.util.Arrays.fill(onesQ, 1);
        PooledFit fit = new PooledFit(tokens, width, hidden, outputs, new double[width], ones, new double[outputs], onesQ,
                new double[size(tokens, width, hidden, outputs)]);
        SplittableRandom rng = new SplittableRandom(seed);
        fit.initialise(rng);
        for (int s = 0; s < tokens; s++) {
            fit.params[s] = rng.nextDouble() - 0.5;
        }
        return fit;
    }
}
