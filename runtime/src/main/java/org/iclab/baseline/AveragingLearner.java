package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/** w_hat = (1/k) Σ y_j x_j over the k earlier examples; predicts w_hat·x. Kept as a running sum: O(n·d) a prompt. */
final class AveragingLearner implements Learner {
    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        double pred = 0;
        for (int j = 0; j < k; j++) {
            double dot = 0;
            for (int c = 0; c < batch.dims(); c++) {
                dot += batch.x(prompt, j, c) * (double) batch.x(prompt, k, c);
            }
            pred += batch.y(prompt, j) * dot;
        }
        return k == 0 ? 0 : pred / k;
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        int n = batch.points();
        int d = batch.dims();
        double[] out = new double[n];
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += sum[c] * batch.x(prompt, i, c);
                }
                out[i] = dot / i; // one division per prefix, not one per feature
            }
            for (int c = 0; c < d; c++) {
                sum[c] += batch.y(prompt, i) * (double) batch.x(prompt, i, c);
            }
        }
        return out;
    }
}
