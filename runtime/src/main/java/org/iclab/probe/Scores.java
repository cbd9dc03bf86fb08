package org.iclab.probe;

import java.util.List;
import org.iclab.eval.BootstrapInterval;

/**
 * How a probe is scored on held-out prompts, each with its bootstrap interval over those prompts (the resamples are
 * shared, so the intervals of different probes, layers and k are paired).
 */
final class Scores {
    private Scores() {
    }

    /** A score and its interval. */
    record Scored(double score, double low, double high) {
    }

    /**
     * R² over every target coordinate: 1 - SSE / SST, SST around the held-out targets' own mean. NaN where the
     * targets do not vary (SST = 0: nothing to explain).
     */
    static Scored r2(double[][] predicted, double[][] targets, BootstrapInterval bootstrap) {
        int n = targets.length;
        int q = targets[0].length;
        double[] sse = new double[n];
        double[] squares = new double[n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < q; c++) {
                double diff = predicted[p][c] - targets[p][c];
                sse[p] += diff * diff;
                squares[p] += targets[p][c] * targets[p][c];
            }
        }
        int[] all = new int[n];
        for (int p = 0; p < n; p++) {
            all[p] = p;
        }
        double score = r2(sse, squares, targets, all);
        double[] ci = bootstrap.bounds(idx -> r2(sse, squares, targets, idx));
        return new Scored(score, ci[0], ci[1]);
    }

    private static double r2(double[] sse, double[] squares, double[][] targets, int[] idx) {
        int q = targets[0].length;
        double[] sum = new double[q];
        double error = 0;
        double total = 0;
        for (int p : idx) {
            error += sse[p];
            total += squares[p];
            double[] t = targets[p];
            for (int c = 0; c < q; c++) {
                sum[c] += t[c];
            }
        }
        double centre = 0;
        for (int c = 0; c < q; c++) {
            centre += sum[c] * sum[c];
        }
        double sst = total - centre / idx.length;
        return sst > 1e-12 * Math.max(total, 1e-300) ? 1 - error / sst : Double.NaN;
    }

    /**
     * The mean over positions of R² (each position's probe scored on its own targets; positions where the targets do
     * not vary are left out), with the interval of that mean over the same resamples of prompts at every position.
     */
    static Scored meanR2(List<double[][]> predicted, List<double[][]> targets, BootstrapInterval bootstrap) {
        int positions = targets.size();
        int n = targets.get(0).length;
        double[][] sse = new double[positions][n];
        double[][] squares = new double[positions][n];
        for (int i = 0; i < positions; i++) {
            double[][] pr = predicted.get(i);
            double[][] t = targets.get(i);
            for (int p = 0; p < n; p++) {
                for (int c = 0; c < t[p].length; c++) {
                    double diff = pr[p][c] - t[p][c];
                    sse[i][p] += diff * diff;
                    squares[i][p] += t[p][c] * t[p][c];
                }
            }
        }
        java.util.function.ToDoubleFunction<int[]> statistic = idx -> {
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < positions; i++) {
                double r = r2(sse[i], squares[i], targets.get(i), idx);
                if (Double.isFinite(r)) {
                    sum += r;
                    counted++;
                }
            }
            return counted == 0 ? Double.NaN : sum / counted;
        };
        int[] all = new int[n];
        for (int p = 0; p < n; p++) {
            all[p] = p;
        }
        double[] ci = bootstrap.bounds(statistic);
        return new Scored(statistic.applyAsDouble(all), ci[0], ci[1]);
    }

    /** Mean over prompts of the cosine between predicted and true target vectors (prompts with a zero vector left out). */
    static double cosine(double[][] predicted, double[][] targets) {
        double sum = 0;
        int counted = 0;
        for (int p = 0; p < targets.length; p++) {
            double c = cosine(predicted[p], targets[p]);
            if (Double.isFinite(c)) {
                sum += c;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : Double.NaN;
    }

    /**
     * Fu et al.'s similarity of errors: the cosine between two predictors' error vectors over the held-out prompts
     * (entry p: prediction - y of prompt p).
     */
    static Scored errorSimilarity(double[] errorsA, double[] errorsB, BootstrapInterval bootstrap) {
        int n = errorsA.length;
        int[] all = new int[n];
        for (int p = 0; p < n; p++) {
            all[p] = p;
        }
        double score = similarity(errorsA, errorsB, all);
        double[] ci = bootstrap.bounds(idx -> similarity(errorsA, errorsB, idx));
        return new Scored(score, ci[0], ci[1]);
    }

    private static double similarity(double[] a, double[] b, int[] idx) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int p : idx) {
            dot += a[p] * b[p];
            na += a[p] * a[p];
            nb += b[p] * b[p];
        }
        return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : Double.NaN;
    }
}
