package org.iclab.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap of the mean over prompts, separately at each k. The resample indices are drawn once from a
 * seed and shared by every learner, so intervals of different learners are paired.
 */
public final class BootstrapInterval {
    private final int[][] resamples;
    private final double confidence;

    public BootstrapInterval(int prompts, int resampleCount, double confidence, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        this.resamples = new int[resampleCount][prompts];
        for (int[] r : resamples) {
            for (int i = 0; i < prompts; i++) {
                r[i] = rng.nextInt(prompts);
            }
        }
        this.confidence = confidence;
    }

    /** errors[prompt][k] to a curve of means and interval bounds. */
    public ErrorCurve curve(String strategy, String learner, double[][] errors) {
        int prompts = errors.length;
        int points = errors[0].length;
        double[] mean = new double[points];
        for (double[] row : errors) {
            for (int k = 0; k < points; k++) {
                mean[k] += row[k] / prompts;
            }
        }
        double[][] means = new double[points][resamples.length];
        for (int r = 0; r < resamples.length; r++) {
            double[] sum = new double[points];
            for (int idx : resamples[r]) {
                double[] row = errors[idx];
                for (int k = 0; k < points; k++) {
                    sum[k] += row[k];
                }
            }
            for (int k = 0; k < points; k++) {
                means[k][r] = sum[k] / prompts;
            }
        }
        double[] low = new double[points];
        double[] high = new double[points];
        double tail = (1 - confidence) / 2;
        for (int k = 0; k < points; k++) {
            Arrays.sort(means[k]);
            low[k] = quantile(means[k], tail);
            high[k] = quantile(means[k], 1 - tail);
        }
        return new ErrorCurve(strategy, learner, mean, low, high);
    }

    /**
     * errors[prompt][k] weighted by weights[prompt][k] (a token task's loss mask: 0 leaves the prompt out at k) to a
     * curve of weighted means Σ w·e / Σ w and interval bounds, resampling prompts as {@link #curve(String, String,
     * double[][])} does. A k no prompt weighs is NaN; a resample that draws none of the prompts weighing a k is left
     * out of that k's interval.
     */
    public ErrorCurve curve(String strategy, String learner, double[][] errors, double[][] weights) {
        int points = errors[0].length;
        double[] mean = new double[points];
        double[] total = new double[points];
        for (int p = 0; p < errors.length; p++) {
            for (int k = 0; k < points; k++) {
                mean[k] += weights[p][k] * errors[p][k];
                total[k] += weights[p][k];
            }
        }
        double[] low = new double[points];
        double[] high = new double[points];
        for (int k = 0; k < points; k++) {
            mean[k] = total[k] > 0 ? mean[k] / total[k] : Double.NaN;
            int at = k;
            double[] bounds = bounds(r -> {
                double sum = 0;
                double weight = 0;
                for (int idx : r) {
                    sum += weights[idx][at] * errors[idx][at];
                    weight += weights[idx][at];
                }
                return weight > 0 ? sum / weight : Double.NaN;
            });
            low[k] = bounds[0];
            high[k] = bounds[1];
        }
        return new ErrorCurve(strategy, learner, mean, low, high);
    }

    /**
     * The percentile interval {low, high} of any statistic of the prompts (an R², a cosine, a ratio of sums: what a
     * mean over prompts cannot express), computed on each shared resample; {@code statistic} receives the resample's
     * prompt indices, with repeats. Resamples where it is not finite are left out.
     */
    public double[] bounds(ToDoubleFunction<int[]> statistic) {
        double[] values = new double[resamples.length];
        int n = 0;
        for (int[] r : resamples) {
            double v = statistic.applyAsDouble(r);
            if (Double.isFinite(v)) {
                values[n++] = v;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    /** The number of prompts each resample draws (and the largest index + 1). */
    public int prompts() {
        return resamples.length == 0 ? 0 : resamples[0].length;
    }

    /** Linear interpolation between order statistics (numpy's and torch.quantile's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
