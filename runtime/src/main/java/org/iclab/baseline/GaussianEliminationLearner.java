package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * Parity learning over GF(2) ({@link org.iclab.spec.baseline.GaussianElimination}), incremental. Each example is a row of
 * d + 1 bits, b_i = [x_i > 0] and the label bit c = [y ≥ 0], packed into longs. Rows enter an echelon basis in
 * order: a new row is reduced by the basis (each basis row has zeros at the pivots of the rows before it) and kept
 * with its lowest set bit as pivot; a row reduced to 0 = 1 contradicts the earlier ones and is dropped. A query is
 * reduced the same way; the label bits it picks up are its prediction under the solution whose free coordinates are
 * 0, exact whenever the query lies in the examples' span. O(k·d/64) per example and per prediction.
 */
final class GaussianEliminationLearner implements Learner {
    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        Basis basis = new Basis(batch.dims(), k);
        for (int j = 0; j < k; j++) {
            basis.add(batch, prompt, j);
        }
        return basis.predict(batch, prompt, k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Basis basis = new Basis(batch.dims(), out.length);
        for (int k = 0; k < out.length; k++) {
            out[k] = basis.predict(batch, prompt, k);
            basis.add(batch, prompt, k);
        }
        return out;
    }

    private static final class Basis {
        private final int dims;
        private final int words;
        private final long[][] rows;
        private final int[] pivots;
        private int size;

        Basis(int dims, int capacity) {
            this.dims = dims;
            this.words = (dims + 1 + 63) / 64;
            this.rows = new long[Math.min(capacity, dims)][];
            this.pivots = new int[rows.length];
        }

        private long[] row(PromptBatch batch, int prompt, int j, boolean withLabel) {
            long[] r = new long[words];
            for (int c = 0; c < dims; c++) {
                if (batch.x(prompt, j, c) > 0) {
                    r[c >>> 6] |= 1L << (c & 63);
                }
            }
            if (withLabel && batch.y(prompt, j) >= 0) {
                r[dims >>> 6] |= 1L << (dims & 63);
            }
            return r;
        }

        private void reduce(long[] r) {
            for (int i = 0; i < size; i++) {
                int p = pivots[i];
                if ((r[p >>> 6] >>> (p & 63) & 1L) != 0) {
                    for (int w = 0; w < words; w++) {
                        r[w] ^= rows[i][w];
                    }
                }
            }
        }

        void add(PromptBatch batch, int prompt, int j) {
            if (size == rows.length) {
                return; // full rank: every further example is determined
            }
            long[] r = row(batch, prompt, j, true);
            reduce(r);
            for (int c = 0; c < dims; c++) {
                if ((r[c >>> 6] >>> (c & 63) & 1L) != 0) {
                    rows[size] = r;
                    pivots[size++] = c;
                    return;
                }
            }
            // reduced to 0 = 0 (redundant) or 0 = 1 (contradicts the earlier examples): dropped either way
        }

        double predict(PromptBatch batch, int prompt, int k) {
            long[] q = row(batch, prompt, k, false);
            reduce(q);
            return (q[dims >>> 6] >>> (dims & 63) & 1L) != 0 ? 1 : -1;
        }
    }
}
