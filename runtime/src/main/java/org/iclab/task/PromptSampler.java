package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Experiment;
import org.iclab.spec.Gaussian;
import org.iclab.spec.Inputs;
import org.iclab.spec.LinearRegression;
import org.iclab.spec.Task;

/**
 * Draws prompts for an experiment's function class and input distribution. Each prompt gets its own function
 * (a fresh w for linear regression) and its own inputs; dimensions at or beyond {@code activeDims} are zero, as in
 * Garg et al.'s curriculum.
 */
public final class PromptSampler {
    private final Task task;
    private final Inputs inputs;

    public PromptSampler(Task task, Inputs inputs) {
        this.task = task;
        this.inputs = inputs;
    }

    public static PromptSampler of(Experiment experiment) {
        return new PromptSampler(experiment.task(), experiment.inputs());
    }

    /** A batch drawn from {@code seed} alone: the same arguments always give the same batch. */
    public PromptBatch sample(long seed, int batch, int points, int activeDims) {
        int dims = task.dims();
        if (activeDims < 1 || activeDims > dims) {
            throw new IllegalArgumentException("activeDims must be in [1, " + dims + "], was " + activeDims);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xs = new float[batch * points * dims];
        float[] ys = new float[batch * points];
        double[] w = new double[dims];
        for (int b = 0; b < batch; b++) {
            drawFunction(rng, w);
            for (int i = 0; i < points; i++) {
                int row = (b * points + i) * dims;
                drawInput(rng, xs, row, activeDims);
                ys[b * points + i] = (float) evaluate(w, xs, row, activeDims);
            }
        }
        return new PromptBatch(batch, points, dims, xs, ys);
    }

    private void drawFunction(SplittableRandom rng, double[] w) {
        if (task instanceof LinearRegression) {
            for (int j = 0; j < w.length; j++) {
                w[j] = rng.nextGaussian();
            }
        } else {
            throw new IllegalStateException("no sampler for task " + task);
        }
    }

    private void drawInput(SplittableRandom rng, float[] xs, int row, int activeDims) {
        if (inputs instanceof Gaussian) {
            for (int j = 0; j < activeDims; j++) {
                xs[row + j] = (float) rng.nextGaussian();
            }
        } else {
            throw new IllegalStateException("no sampler for inputs " + inputs);
        }
    }

    private double evaluate(double[] w, float[] xs, int row, int activeDims) {
        if (task instanceof LinearRegression lr) {
            double dot = 0;
            for (int j = 0; j < activeDims; j++) {
                dot += w[j] * xs[row + j];
            }
            return lr.scale() * dot;
        }
        throw new IllegalStateException("no sampler for task " + task);
    }
}
