package org.iclab.baseline;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.iclab.task.PromptBatch;

/** Small prompts for learner tests, written out or drawn from a seed. */
final class Prompts {
    private Prompts() {
    }

    /** One prompt whose rows are {@code x} and outputs {@code y}. */
    static PromptBatch of(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        float[] xs = new float[n * d];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                xs[i * d + c] = (float) x[i][c];
            }
            ys[i] = (float) y[i];
        }
        return new PromptBatch(1, n, d, xs, ys);
    }

    /** {@code batch} prompts of Gaussian inputs with y = f(x) (f sees the float inputs as doubles). */
    static PromptBatch gaussian(long seed, int batch, int points, int dims, ToDoubleFunction<double[]> f) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xs = new float[batch * points * dims];
        float[] ys = new float[batch * points];
        double[] x = new double[dims];
        for (int i = 0; i < batch * points; i++) {
            for (int c = 0; c < dims; c++) {
                xs[i * dims + c] = (float) rng.nextGaussian();
                x[c] = xs[i * dims + c];
            }
            ys[i] = (float) f.applyAsDouble(x);
        }
        return new PromptBatch(batch, points, dims, xs, ys);
    }

    /** Row i of prompt p as doubles. */
    static double[] row(PromptBatch b, int p, int i) {
        double[] r = new double[b.dims()];
        for (int c = 0; c < r.length; c++) {
            r[c] = b.x(p, i, c);
        }
        return r;
    }
}
