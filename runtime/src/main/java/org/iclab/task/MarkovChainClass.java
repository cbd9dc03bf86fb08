package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.MarkovChain;

/**
 * Draws {@link MarkovChain} sequences. Per sequence: the transition table, row by row (context c = the previous
 * {@code order} tokens as a base-{@code states} number, most recent last), each row {@code states} Gamma(α) draws
 * normalised (a Dirichlet(α) draw); then the first {@code order} tokens uniformly ({@code nextInt}); then each later
 * token by one {@code nextDouble} against its row's cumulative probabilities. Every position but the last is
 * scored on its next token.
 */
final class MarkovChainClass implements TokenClass<MarkovChain> {
    @Override
    public Class<MarkovChain> spec() {
        return MarkovChain.class;
    }

    @Override
    public void draw(MarkovChain task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset) {
        draw(task, rng, ids, targets, mask, offset, null);
    }

    /** The transition table, row by row, each row {@code states} Gamma(α) draws normalised. */
    @Override
    public Table language(MarkovChain task, SplittableRandom rng) {
        int s = task.states();
        int contexts = (int) Math.pow(s, task.order());
        double[] table = new double[contexts * s];
        for (int c = 0; c < contexts; c++) {
            double sum = 0;
            for (int j = 0; j < s; j++) {
                table[c * s + j] = gamma(rng, task.concentration());
                sum += table[c * s + j];
            }
            for (int j = 0; j < s; j++) {
                table[c * s + j] /= sum;
            }
        }
        return new Table(table);
    }

    /** A transition table, [contexts, states] row-major; equal when every entry is. */
    record Table(double[] p) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Table t && java.util.Arrays.equals(p, t.p);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(p);
        }
    }

    /** Target t's distribution (the oracle): its context's row, or uniform while t + 1 is among the first {@code order} tokens. */
    @Override
    public void drawIn(MarkovChain task, Object language, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset,
                       float[] oracle) {
        int s = task.states();
        double[] table = ((Table) language).p();
        int length = task.length();
        for (int t = 0; t < length; t++) {
            if (t < task.order()) {
                ids[offset + t] = rng.nextInt(s);
                continue;
            }
            int context = 0;
            for (int i = t - task.order(); i < t; i++) {
                context = context * s + ids[offset + i];
            }
            double u = rng.nextDouble();
            int next = s - 1;
            double cumulative = 0;
            for (int j = 0; j < s; j++) {
                cumulative += table[context * s + j];
                if (u < cumulative) {
                    next = j;
                    break;
                }
            }
            ids[offset + t] = next;
        }
        for (int t = 0; t < length; t++) {
            targets[offset + t] = t + 1 < length ? ids[offset + t + 1] : 0;
            mask[offset + t] = t + 1 < length ? 1 : 0;
            if (oracle != null) {
                int at = (offset + t) * s;
                if (t + 1 < task.order()) {
                    java.util.Arrays.fill(oracle, at, at + s, 1f / s);
                } else {
                    int context = 0;
                    for (int i = t + 1 - task.order(); i <= t; i++) {
                        context = context * s + ids[offset + i];
                    }
                    for (int j = 0; j < s; j++) {
                        oracle[at + j] = (float) table[context * s + j];
                    }
                }
            }
        }
    }

    /**
     * A Gamma(α, 1) draw: Marsaglia and Tsang's method for α >= 1 (normal and uniform draws until accepted); for
     * α < 1, a Gamma(α + 1) draw times U^(1/α).
     */
    static double gamma(SplittableRandom rng, double alpha) {
        if (alpha < 1) {
            return gamma(rng, alpha + 1) * Math.pow(rng.nextDouble(), 1 / alpha);
        }
        double d = alpha - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * The posterior predictive: each row of the table is an independent Dirichlet(α) draw, so after the transitions
     * seen so far p(v | context) = (c(context, v) + α) / (c(context) + Vα); a target among the first {@code order}
     * tokens is uniform, as the chain draws them.
     */
    @Override
    public Predictive posterior(MarkovChain chain) {
        return (batch, sequence, out) -> {
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
        };
    }

    private static int context(TokenBatch batch, int sequence, int from, int order, int v) {
        int c = 0;
        for (int i = from; i < from + order; i++) {
            c = c * v + batch.id(sequence, i);
        }
        return c;
    }
}
