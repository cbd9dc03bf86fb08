package org.iclab.baseline;

import java.util.HashMap;
import java.util.Map;
import org.iclab.task.TokenBatch;

/**
 * The in-context n-gram with back-off ({@link org.iclab.spec.baseline.Ngram}): for each context length L = 0 .. n − 1, counts
 * of (the L tokens before a token, the token) over the sequence so far, kept in one map per level keyed by the
 * context as a base-V number; p_L(v) = (c(ctx_L, v) + p_{L−1}(v)) / (c(ctx_L) + 1) from p_{−1} uniform. One pass per
 * sequence: O(length · n · V).
 */
final class NgramLearner implements TokenLearner {
    private final int n;

    NgramLearner(int n) {
        this.n = n;
    }

    @Override
    public void predict(TokenBatch batch, int sequence, double[] out) {
        int v = batch.vocabulary();
        int length = batch.length();
        java.util.List<Map<Long, int[]>> counts = new java.util.ArrayList<>();
        for (int level = 0; level < n; level++) {
            counts.add(new HashMap<>());
        }
        double[] p = new double[v];
        for (int t = 0; t < length; t++) {
            // the token at t is now seen: count it under each context that precedes it
            for (int level = 0; level < n && level <= t; level++) {
                int[] row = counts.get(level).computeIfAbsent(context(batch, sequence, t - level, level), c -> new int[v + 1]);
                row[batch.id(sequence, t)]++;
                row[v]++;
            }
            // predict token t + 1 from the contexts ending at t
            java.util.Arrays.fill(p, 1.0 / v);
            for (int level = 0; level < n && level <= t + 1; level++) {
                int[] row = counts.get(level).get(context(batch, sequence, t + 1 - level, level));
                if (row == null) {
                    continue;
                }
                for (int j = 0; j < v; j++) {
                    p[j] = (row[j] + p[j]) / (row[v] + 1.0);
                }
            }
            System.arraycopy(p, 0, out, t * v, v);
        }
    }

    /** The {@code level} tokens from {@code from} as a base-V number, offset so that different levels never collide. */
    private static long context(TokenBatch batch, int sequence, int from, int level) {
        long c = 1;
        for (int i = from; i < from + level; i++) {
            c = c * batch.vocabulary() + batch.id(sequence, i);
        }
        return c;
    }
}
