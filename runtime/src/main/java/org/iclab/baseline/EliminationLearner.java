package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * The elimination algorithm ({@link org.iclab.spec.baseline.Elimination}), incremental: per coordinate j, whether the literal
 * x_j (x_j = +1) and the literal ¬x_j (x_j = −1) are still in the hypothesis. A conjunction learner drops the
 * literals a positive example falsifies; a disjunction learner drops those a negative example satisfies. A
 * coordinate that is 0 (inactive) satisfies neither literal. O(d) per example and per prediction.
 */
final class EliminationLearner implements Learner {
    private final boolean disjunctive;

    EliminationLearner(boolean disjunctive) {
        this.disjunctive = disjunctive;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        Hypothesis h = new Hypothesis(batch.dims());
        for (int j = 0; j < k; j++) {
            h.learn(batch, prompt, j);
        }
        return h.predict(batch, prompt, k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Hypothesis h = new Hypothesis(batch.dims());
        for (int k = 0; k < out.length; k++) {
            out[k] = h.predict(batch, prompt, k);
            h.learn(batch, prompt, k);
        }
        return out;
    }

    private final class Hypothesis {
        private final boolean[] positive;
        private final boolean[] negative;

        Hypothesis(int dims) {
            positive = new boolean[dims];
            negative = new boolean[dims];
            java.util.Arrays.fill(positive, true);
            java.util.Arrays.fill(negative, true);
        }

        void learn(PromptBatch batch, int prompt, int j) {
            boolean label = batch.y(prompt, j) >= 0;
            if (label == disjunctive) {
                return; // a conjunction learns from positives only, a disjunction from negatives only
            }
            for (int c = 0; c < positive.length; c++) {
                float x = batch.x(prompt, j, c);
                // conjunction: drop what the positive falsifies; disjunction: drop what the negative satisfies
                if (disjunctive ? x > 0 : x <= 0) {
                    positive[c] = false;
                }
                if (disjunctive ? x < 0 : x >= 0) {
                    negative[c] = false;
                }
            }
        }

        double predict(PromptBatch batch, int prompt, int k) {
            for (int c = 0; c < positive.length; c++) {
                float x = batch.x(prompt, k, c);
                boolean holds = positive[c] && x > 0 || negative[c] && x < 0;
                boolean fails = positive[c] && x <= 0 || negative[c] && x >= 0;
                if (disjunctive && holds) {
                    return 1;
                }
                if (!disjunctive && fails) {
                    return -1;
                }
            }
            return disjunctive ? -1 : 1;
        }
    }
}
