package org.iclab.task;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Boolean function classes (Bhattamishra et al. 2023, their {@code bool_tasks.py} distributions) and the
 * functions they draw. Literals are drawn over the active coordinates only, one {@code nextDouble} per active
 * coordinate in order; a literal vector holds +1 (x_i), −1 (¬x_i) or 0 (absent) per coordinate. Forcing draws one
 * {@code nextDouble} per point, in order, after the inputs: a forced point has its literals' coordinates set.
 */
final class BooleanFunctions {
    private BooleanFunctions() {
    }

    static TaskFunction conjunction(SplittableRandom rng, int dims, int active) {
        int[] w = literals(rng, dims, active, 0.7, 0.15);
        return new Dnf(new int[][] {w}, new Forcing(0.3, w), false, active);
    }

    static TaskFunction monotoneConjunction(SplittableRandom rng, int dims, int active) {
        int[] w = literals(rng, dims, active, 2.0 / 3, 1.0 / 3);
        return new Dnf(new int[][] {w}, new Forcing(0.3, w), false, active);
    }

    /** Literals drawn first, then (in {@code shape}) the forcing at .4, then the teaching prefix over the first rows. */
    static TaskFunction teachConjunction(SplittableRandom rng, int dims, int active) {
        int[] w = literals(rng, dims, active, 0.7, 0.3);
        return new Dnf(new int[][] {w}, new Forcing(0.4, w), true, active);
    }

    static TaskFunction disjunction(SplittableRandom rng, int dims, int active) {
        int[] w = literals(rng, dims, active, 0.7, 0.15);
        return new Cnf(new int[][] {w}, new Forcing(0.3, negated(w)));
    }

    static TaskFunction sparseDisjunction(SplittableRandom rng, int dims, int active, int literals) {
        int[] w = indicator(dims, subset(rng, active, literals));
        return new Cnf(new int[][] {w}, new Forcing(0.3, negated(w)));
    }

    /** The terms in order, then the forced term ({@code nextInt(terms)}). */
    static TaskFunction dnf(SplittableRandom rng, int dims, int active, int terms) {
        int[][] t = new int[terms][];
        for (int i = 0; i < terms; i++) {
            t[i] = literals(rng, dims, active, 0.8, 0.1);
        }
        return new Dnf(t, new Forcing(0.35, t[rng.nextInt(terms)]), false, active);
    }

    /** The clauses in order, then the forced clause ({@code nextInt(clauses)}). */
    static TaskFunction cnf(SplittableRandom rng, int dims, int active, int clauses) {
        int[][] c = new int[clauses][];
        for (int i = 0; i < clauses; i++) {
            c[i] = literals(rng, dims, active, 0.8, 0.1);
        }
        return new Cnf(c, new Forcing(0.3, negated(c[rng.nextInt(clauses)])));
    }

    static TaskFunction majority(SplittableRandom rng, int dims, int active) {
        return new Threshold(literals(rng, dims, active, 0.7, 0.3), 0.5);
    }

    /** One {@code nextInt(7) − 3} per active coordinate. */
    static TaskFunction integerHalfspace(SplittableRandom rng, int dims, int active) {
        int[] w = new int[dims];
        for (int j = 0; j < active; j++) {
            w[j] = rng.nextInt(7) - 3;
        }
        return new Threshold(w, 0.5);
    }

    /** The literals, then θ = {@code nextInt(6) − 3} + ½. */
    static TaskFunction sparseThreshold(SplittableRandom rng, int dims, int active) {
        int[] w = literals(rng, dims, active, 0.7, 0.15);
        return new Threshold(w, rng.nextInt(6) - 3 + 0.5);
    }

    /** One {@code nextBoolean} per active coordinate: the coordinate is in the subset when it is true. */
    static TaskFunction parity(SplittableRandom rng, int dims, int active) {
        int[] in = new int[active];
        int n = 0;
        for (int j = 0; j < active; j++) {
            if (rng.nextBoolean()) {
                in[n++] = j;
            }
        }
        return new Parity(Arrays.copyOf(in, n));
    }

    static TaskFunction sparseParity(SplittableRandom rng, int dims, int active, int k) {
        return new Parity(subset(rng, active, k));
    }

    static TaskFunction nearestNeighbor(int start) {
        return new NearestNeighborLabels(start);
    }

    /**
     * A literal vector over the first {@code active} of {@code dims} coordinates: per coordinate one
     * {@code nextDouble} u; absent when u < pAbsent, positive when u < pAbsent + pPositive, negative otherwise.
     */
    static int[] literals(SplittableRandom rng, int dims, int active, double pAbsent, double pPositive) {
        int[] w = new int[dims];
        for (int j = 0; j < active; j++) {
            double u = rng.nextDouble();
            w[j] = u < pAbsent ? 0 : u < pAbsent + pPositive ? 1 : -1;
        }
        return w;
    }

    /**
     * {@code k} distinct coordinates of the first {@code active} (all of them when fewer are active), uniformly: a
     * partial Fisher–Yates shuffle, one {@code nextInt} per chosen coordinate; sorted.
     */
    static int[] subset(SplittableRandom rng, int active, int k) {
        int[] order = new int[active];
        for (int j = 0; j < active; j++) {
            order[j] = j;
        }
        int m = Math.min(k, active);
        for (int i = 0; i < m; i++) {
            int r = i + rng.nextInt(active - i);
            int t = order[i];
            order[i] = order[r];
            order[r] = t;
        }
        int[] chosen = Arrays.copyOf(order, m);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] indicator(int dims, int[] coordinates) {
        int[] w = new int[dims];
        for (int j : coordinates) {
            w[j] = 1;
        }
        return w;
    }

    private static int[] negated(int[] w) {
        int[] n = new int[w.length];
        for (int j = 0; j < w.length; j++) {
            n[j] = -w[j];
        }
        return n;
    }

    private static double[] asDoubles(int[] w) {
        return Arrays.stream(w).asDoubleStream().toArray();
    }

    /** Whether x (row at {@code offset}) satisfies every literal of {@code w}. */
    static boolean allHold(int[] w, float[] xs, int offset) {
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0 && xs[offset + j] != w[j]) {
                return false;
            }
        }
        return true;
    }

    /** Whether x (row at {@code offset}) satisfies some literal of {@code w}. */
    static boolean anyHolds(int[] w, float[] xs, int offset) {
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0 && xs[offset + j] == w[j]) {
                return true;
            }
        }
        return false;
    }

    /** With probability {@code fraction} per point, the coordinates where {@code values} is non-zero are set to it. */
    record Forcing(double fraction, int[] values) {
        void apply(SplittableRandom rng, float[] xs, int offset, int points, int dims) {
            for (int i = 0; i < points; i++) {
                if (rng.nextDouble() < fraction) {
                    for (int j = 0; j < values.length; j++) {
                        if (values[j] != 0) {
                            xs[offset + i * dims + j] = values[j];
                        }
                    }
                }
            }
        }
    }

    /**
     * An OR of terms, each an AND of literals (one term: a conjunction): +1 iff some term holds. With {@code teach},
     * the prompt opens with the single monotone term's teaching sequence.
     */
    record Dnf(int[][] terms, Forcing forcing, boolean teach, int active) implements TaskFunction {
        @Override
        public double apply(float[] xs, int offset) {
            for (int[] t : terms) {
                if (allHold(t, xs, offset)) {
                    return 1;
                }
            }
            return -1;
        }

        @Override
        public double[] weights() {
            return terms.length == 1 ? asDoubles(terms[0]) : null;
        }

        @Override
        public void shape(SplittableRandom rng, float[] xs, int offset, int points, int dims) {
            forcing.apply(rng, xs, offset, points, dims);
            if (teach) {
                teachingSequence(xs, offset, points, dims);
            }
        }

        /**
         * m + 1 rows for the m literals of the term (cut at {@code points}): row 0 sets every literal +1 and every
         * other active coordinate −1; row i + 1 is row 0 with the i-th literal (in coordinate order) set to −1.
         */
        private void teachingSequence(float[] xs, int offset, int points, int dims) {
            int[] w = terms[0];
            int[] literals = java.util.stream.IntStream.range(0, w.length).filter(j -> w[j] != 0).toArray();
            int rows = Math.min(points, literals.length + 1);
            for (int r = 0; r < rows; r++) {
                int row = offset + r * dims;
                for (int j = 0; j < dims; j++) {
                    xs[row + j] = j < active ? (w[j] != 0 ? 1f : -1f) : 0f;
                }
                if (r > 0) {
                    xs[row + literals[r - 1]] = -1f;
                }
            }
        }
    }

    /** An AND of clauses, each an OR of literals (one clause: a disjunction): +1 iff every clause holds. */
    record Cnf(int[][] clauses, Forcing forcing) implements TaskFunction {
        @Override
        public double apply(float[] xs, int offset) {
            for (int[] c : clauses) {
                if (!anyHolds(c, xs, offset)) {
                    return -1;
                }
            }
            return 1;
        }

        @Override
        public double[] weights() {
            return clauses.length == 1 ? asDoubles(clauses[0]) : null;
        }

        @Override
        public void shape(SplittableRandom rng, float[] xs, int offset, int points, int dims) {
            forcing.apply(rng, xs, offset, points, dims);
        }
    }

    /** y = sign(w·x − θ), θ never equal to w·x (a half-integer against an integer). */
    record Threshold(int[] w, double theta) implements TaskFunction {
        @Override
        public double apply(float[] xs, int offset) {
            double dot = 0;
            for (int j = 0; j < w.length; j++) {
                dot += w[j] * xs[offset + j];
            }
            return dot > theta ? 1 : -1;
        }

        @Override
        public double[] weights() {
            return asDoubles(w);
        }
    }

    /** +1 iff an odd number of the subset's coordinates are +1. */
    record Parity(int[] subset) implements TaskFunction {
        @Override
        public double apply(float[] xs, int offset) {
            int ones = 0;
            for (int j : subset) {
                if (xs[offset + j] > 0) {
                    ones++;
                }
            }
            return (ones & 1) == 1 ? 1 : -1;
        }
    }

    /**
     * Labels from the prompt itself: the first {@code start} are uniform ±1 (one {@code nextBoolean} each), except
     * that an input equal to an earlier one copies its label; each later label copies that of the nearest earlier
     * input (squared distance, which on the cube orders as cosine similarity does; the earliest wins ties).
     */
    record NearestNeighborLabels(int start) implements TaskFunction {
        @Override
        public double apply(float[] xs, int offset) {
            throw new UnsupportedOperationException("a nearest-neighbour label depends on the prompt's earlier points; use label()");
        }

        @Override
        public void label(SplittableRandom rng, float[] xs, int offset, int points, int dims, double[] out) {
            for (int i = 0; i < points; i++) {
                double random = i < start ? (rng.nextBoolean() ? 1 : -1) : 0;
                int nearest = -1;
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < i; j++) {
                    double d = 0;
                    for (int c = 0; c < dims; c++) {
                        double diff = xs[offset + i * dims + c] - xs[offset + j * dims + c];
                        d += diff * diff;
                    }
                    if (d < best) {
                        best = d;
                        nearest = j;
                    }
                }
                boolean copies = i >= start ? nearest >= 0 : nearest >= 0 && best == 0;
                out[i] = copies ? out[nearest] : random;
            }
        }
    }
}
