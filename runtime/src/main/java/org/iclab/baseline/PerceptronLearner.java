package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * The perceptron with a bias ({@link org.iclab.spec.baseline.Perceptron}): for each k, from w = 0 and b = 0, passes over
 * examples 0..k−1 in order, updating w += y·x and b += y at every mistake (y·(w·x + b) ≤ 0), until a pass makes
 * none or the epochs run out; predicts w·x + b at x_k.
 */
final class PerceptronLearner implements Learner {
    private final int epochs;

    PerceptronLearner(int epochs) {
        this.epochs = epochs;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        int d = batch.dims();
        double[] w = new double[d + 1]; // w[d] is the bias
        for (int epoch = 0; epoch < epochs && k > 0; epoch++) {
            boolean mistake = false;
            for (int j = 0; j < k; j++) {
                double y = batch.y(prompt, j) >= 0 ? 1 : -1;
                if (y * score(w, batch, prompt, j) <= 0) {
                    for (int c = 0; c < d; c++) {
                        w[c] += y * batch.x(prompt, j, c);
                    }
                    w[d] += y;
                    mistake = true;
                }
            }
            if (!mistake) {
                break;
            }
        }
        return score(w, batch, prompt, k);
    }

    private static double score(double[] w, PromptBatch batch, int prompt, int j) {
        int d = w.length - 1;
        double s = w[d];
        for (int c = 0; c < d; c++) {
            s += w[c] * batch.x(prompt, j, c);
        }
        return s;
    }
}
