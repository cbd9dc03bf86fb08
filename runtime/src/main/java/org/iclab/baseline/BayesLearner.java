package org.iclab.baseline;

import org.iclab.spec.MarkovChain;
import org.iclab.task.TokenBatch;

/**
 * The posterior predictive of a {@link MarkovChain} ({@link org.iclab.spec.Bayes}): each row of the table is an
 * independent Dirichlet(α) draw, so after the transitions seen so far p(v | context) = (c(context, v) + α) /
 * (c(context) + Vα); a target among the first {@code order} tokens is uniform, as the chain draws them.
 */
final class BayesLearner implements TokenLearner {
    private final MarkovChain chain;

    BayesLearner(MarkovChain chain) {
        this.chain = chain;
    }

    @Override
    public void predict(TokenBatch batch, int sequence, double[] out) {
        int v = chain.states();
        int order = chain.order();
        double alpha = chain.concentration();
        int contexts = (int) Math.pow(v, order);
        int[] counts = new int[contexts * v];
        int[] totals = new int[contexts];
        for (int t = 0; t < batch.length(); t++) {
            if (t >= order) { // the transition into token t is now seen
                int c = context(batch, sequence, t - order, order, v);
                counts[c * v + batch.id(sequence, t)]++;
                totals[c]++;
            }
            if (t + 1 < order) {
                java.util.Arrays.fill(out, t * v, (t + 1) * v, 1.0 / v);
                continue;
            }
            int c = context(batch, sequence, t + 1 - order, order, v);
            for (int j = 0; j < v; j++) {
                out[t * v + j] = (counts[c * v + j] + alpha) / (totals[c] + v * alpha);
            }
        }
    }

    private static int context(TokenBatch batch, int sequence, int from, int order, int v) {
        int c = 0;
        for (int i = from; i < from + order; i++) {
            c = c * v + batch.id(sequence, i);
        }
        return c;
    }
}
