package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * Mean y of the k nearest earlier examples (Euclidean; ties go to the earlier example), uniform weights. The k
 * nearest are picked by k passes of selection over primitive arrays (k is small), not by sorting boxed indices.
 */
final class NearestNeighborsLearner implements Learner {
    private final int k;

    NearestNeighborsLearner(int k) {
        this.k = k;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int i) {
        return predict(batch, prompt, i, new double[i], new boolean[i]);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        int n = batch.points();
        double[] out = new double[n];
        double[] dist = new double[n];
        boolean[] taken = new boolean[n];
        for (int i = 1; i < n; i++) {
            out[i] = predict(batch, prompt, i, dist, taken);
        }
        return out;
    }

    private double predict(PromptBatch batch, int prompt, int i, double[] dist, boolean[] taken) {
        if (i == 0) {
            return 0;
        }
        int d = batch.dims();
        for (int j = 0; j < i; j++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double diff = batch.x(prompt, j, c) - batch.x(prompt, i, c);
                s += diff * diff;
            }
            dist[j] = s;
            taken[j] = false;
        }
        int m = Math.min(k, i);
        double sum = 0;
        for (int r = 0; r < m; r++) {
            int best = -1;
            for (int j = 0; j < i; j++) {
                if (!taken[j] && (best < 0 || dist[j] < dist[best])) { // strict: the earlier example wins ties
                    best = j;
                }
            }
            taken[best] = true;
            sum += batch.y(prompt, best);
        }
        return sum / m;
    }
}
