package org.iclab.task;

import java.util.SplittableRandom;

/**
 * How a function of each of Garg et al.'s classes is drawn and evaluated. Every method documents its random draws
 * in order, because a prompt's content is a pure function of its seed: changing the order changes every batch.
 * Functions only read the active coordinates of x where the inactive ones (which are 0) could not matter; a
 * decision tree reads whichever coordinate its split names, as in Garg et al.
 */
final class FunctionClasses {
    private FunctionClasses() {
    }

    /** {@code dims} independent N(0, 1) draws. */
    static double[] gaussians(SplittableRandom rng, int dims) {
        double[] w = new double[dims];
        for (int j = 0; j < dims; j++) {
            w[j] = rng.nextGaussian();
        }
        return w;
    }

    /** x ↦ scale · w·x over the active coordinates. */
    static TaskFunction linear(double[] w, double scale, int activeDims) {
        return new TaskFunction() {
            @Override
            public double apply(float[] xs, int offset) {
                double dot = 0;
                for (int j = 0; j < activeDims; j++) {
                    dot += w[j] * xs[offset + j];
                }
                return scale * dot;
            }

            @Override
            public double[] weights() {
                double[] effective = new double[w.length];
                for (int j = 0; j < activeDims; j++) {
                    effective[j] = scale * w[j];
                }
                return effective;
            }
        };
    }

    /**
     * A sparse w: draws w ~ N(0, I_d) (d draws), then keeps min(sparsity, activeDims) coordinates chosen uniformly
     * without replacement among 0..activeDims-1 by a partial Fisher-Yates shuffle (one {@code nextInt} per kept
     * coordinate) and zeroes every other coordinate, as Garg et al.'s {@code randperm(valid_coords)[:sparsity]}.
     */
    static double[] sparse(SplittableRandom rng, int dims, int sparsity, int activeDims) {
        double[] w = gaussians(rng, dims);
        int[] order = new int[activeDims];
        for (int j = 0; j < activeDims; j++) {
            order[j] = j;
        }
        int kept = Math.min(sparsity, activeDims);
        for (int i = 0; i < kept; i++) {
            int pick = i + rng.nextInt(activeDims - i);
            int t = order[i];
            order[i] = order[pick];
            order[pick] = t;
        }
        double[] sparse = new double[dims];
        for (int i = 0; i < kept; i++) {
            sparse[order[i]] = w[order[i]];
        }
        return sparse;
    }

    /** x ↦ sign(w·x) ∈ {-1, +1} with sign(0) = +1; w ~ N(0, I_d) (d draws). */
    static TaskFunction linearSign(SplittableRandom rng, int dims, int activeDims) {
        TaskFunction f = linear(gaussians(rng, dims), 1.0, activeDims);
        return new TaskFunction() {
            @Override
            public double apply(float[] xs, int offset) {
                return f.apply(xs, offset) >= 0 ? 1.0 : -1.0;
            }

            @Override
            public double[] weights() {
                return f.weights();
            }
        };
    }

    /** x ↦ scale · Σ_i w_i x_i² / √3; w ~ N(0, I_d) (d draws). */
    static TaskFunction quadratic(SplittableRandom rng, int dims, double scale, int activeDims) {
        double[] w = gaussians(rng, dims);
        double factor = scale / Math.sqrt(3);
        return (xs, offset) -> {
            double sum = 0;
            for (int j = 0; j < activeDims; j++) {
                double x = xs[offset + j];
                sum += w[j] * x * x;
            }
            return factor * sum;
        };
    }

    /**
     * x ↦ scale · sqrt(2 / hidden) · Σ_j W2_j relu(Σ_i W1_ij x_i). Draws W1 row-major [dims, hidden] (dims · hidden
     * draws, row i holding input i's weights), then W2 (hidden draws).
     */
    static TaskFunction reluNetwork(SplittableRandom rng, int dims, int hidden, double scale, int activeDims) {
        double[] w1 = gaussians(rng, dims * hidden);
        double[] w2 = gaussians(rng, hidden);
        double factor = scale * Math.sqrt(2.0 / hidden);
        // unit j's input weights side by side, so that each unit reads one contiguous row
        double[] units = new double[hidden * dims];
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j < hidden; j++) {
                units[j * dims + i] = w1[i * hidden + j];
            }
        }
        return (xs, offset) -> {
            double out = 0;
            for (int j = 0; j < hidden; j++) {
                int row = j * dims;
                double pre = 0;
                for (int i = 0; i < activeDims; i++) {
                    pre += units[row + i] * xs[offset + i];
                }
                out += w2[j] * Math.max(pre, 0);
            }
            return factor * out;
        };
    }

    /**
     * A full binary tree of depth {@code depth} in Garg et al.'s array layout: node 0 is the root, node n's children
     * are 2n + 1 (left, x[coord] <= 0) and 2n + 2 (right, x[coord] > 0); after {@code depth} splits x sits at node
     * 2^depth − 1 + leaf. Draws the split coordinates of the 2^depth − 1 internal nodes in node order
     * ({@code nextInt(dims)} each, over all d coordinates), then the 2^depth leaf values in leaf order (N(0, 1) each).
     */
    static TaskFunction decisionTree(SplittableRandom rng, int dims, int depth) {
        int internal = (1 << depth) - 1;
        int[] coordinate = new int[internal];
        for (int n = 0; n < internal; n++) {
            coordinate[n] = rng.nextInt(dims);
        }
        double[] leaf = gaussians(rng, internal + 1);
        return (xs, offset) -> {
            int node = 0;
            for (int level = 0; level < depth; level++) {
                node = 2 * node + 1 + (xs[offset + coordinate[node]] > 0 ? 1 : 0);
            }
            return leaf[node - internal];
        };
    }
}
