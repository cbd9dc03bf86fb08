package org.iclab.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.iclab.task.PromptBatch;

/**
 * Minimum-norm least squares through the SVD pseudo-inverse (as LAPACK's gelsd, which Garg et al. call). A prompt's
 * prefixes share one solver and its work arrays, reshaped as k grows.
 */
final class LeastSquaresLearner implements Learner {
    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        return new Fit(batch.points(), batch.dims()).predict(batch, prompt, k);
    }

    /**
     * Every prefix from one incremental factorisation instead of one pseudo-inverse per k: the examples' inputs
     * are orthonormalised as they come (Gram–Schmidt, twice, with a relative tolerance of {@value #RANK_TOLERANCE}
     * for an input already in the span), so that X = L·Q with Q's rows an orthonormal basis of the row space; L's
     * least-squares problem is kept as a triangular R and Qᵀ-rotated targets, each new example folded in by Givens
     * rotations. The minimum-norm solution is w = Qᵀz with R z = c, so the prediction for x is (Q x)·z:
     * O(r·d + r²) per prefix (r the rank) where the pseudo-inverse costs O(k·d²).
     */
    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        int n = batch.points();
        int d = batch.dims();
        double[] out = new double[n];
        double[][] basis = new double[d][];   // Q's rows
        double[] r = new double[d * d];        // R, upper triangular, row-major d×d (r×r in use)
        double[] c = new double[d];            // the rotated targets
        double[] coords = new double[d];
        double[] residual = new double[d];
        double[] z = new double[d];
        int rank = 0;
        for (int k = 0; k < n; k++) {
            // the query's coordinates in the basis; the prediction before this example is folded in
            double norm = 0;
            for (int j = 0; j < d; j++) {
                residual[j] = batch.x(prompt, k, j);
                norm += residual[j] * residual[j];
            }
            for (int i = 0; i < rank; i++) {
                coords[i] = 0;
            }
            if (rank == d) { // the basis spans the space: the coordinates are all there is
                for (int i = 0; i < d; i++) {
                    double dot = 0;
                    double[] q = basis[i];
                    for (int j = 0; j < d; j++) {
                        dot += q[j] * residual[j];
                    }
                    coords[i] = dot;
                }
            } else {
                double before = norm;
                for (int pass = 0; pass < 2; pass++) { // "twice is enough": a second pass where the first cancelled much
                    double after = 0;
                    for (int i = 0; i < rank; i++) {
                        double dot = 0;
                        double[] q = basis[i];
                        for (int j = 0; j < d; j++) {
                            dot += q[j] * residual[j];
                        }
                        coords[i] += dot;
                        for (int j = 0; j < d; j++) {
                            residual[j] -= dot * q[j];
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        after += residual[j] * residual[j];
                    }
                    if (after > 0.25 * before) { // less than half the length cancelled: orthogonal to working precision
                        break;
                    }
                    before = after;
                }
            }
            if (k > 0 && rank > 0) {
                for (int i = rank - 1; i >= 0; i--) { // back substitution R z = c
                    double sum = c[i];
                    for (int j = i + 1; j < rank; j++) {
                        sum -= r[i * d + j] * z[j];
                    }
                    z[i] = sum / r[i * d + i];
                }
                double pred = 0;
                for (int i = 0; i < rank; i++) {
                    pred += coords[i] * z[i];
                }
                out[k] = pred;
            }
            if (k == n - 1) {
                break;
            }
            double rest = 0;
            if (rank < d) {
                for (int j = 0; j < d; j++) {
                    rest += residual[j] * residual[j];
                }
                rest = Math.sqrt(rest);
            }
            if (rank < d && rest > RANK_TOLERANCE * Math.sqrt(norm)) { // a new direction: the basis and R grow
                double[] q = new double[d];
                for (int j = 0; j < d; j++) {
                    q[j] = residual[j] / rest;
                }
                basis[rank] = q;
                coords[rank] = rest;
                for (int i = 0; i <= rank; i++) {
                    r[i * d + rank] = 0;
                    r[rank * d + i] = 0;
                }
                c[rank] = 0;
                rank++;
            }
            // fold the row (coords, y) into R and c by Givens rotations
            double y = batch.y(prompt, k);
            for (int i = 0; i < rank; i++) {
                double a = r[i * d + i];
                double b = coords[i];
                if (b == 0) {
                    continue;
                }
                double h = Math.sqrt(a * a + b * b); // not Math.hypot: exact to the last bit but ten times slower, and no overflow here
                double cos = a / h;
                double sin = b / h;
                r[i * d + i] = h;
                for (int j = i + 1; j < rank; j++) {
                    double rij = r[i * d + j];
                    double lj = coords[j];
                    r[i * d + j] = cos * rij + sin * lj;
                    coords[j] = -sin * rij + cos * lj;
                }
                double ci = c[i];
                c[i] = cos * ci + sin * y;
                y = -sin * ci + cos * y;
            }
        }
        return out;
    }

    /** An input whose part outside the span of the earlier ones is below this fraction of its norm adds no direction. */
    static final double RANK_TOLERANCE = 1e-9;

    private static final class Fit {
        private final LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        private final DMatrixRMaj w;
        private final DMatrixRMaj x;
        private final DMatrixRMaj y;

        Fit(int points, int d) {
            w = new DMatrixRMaj(d, 1);
            x = new DMatrixRMaj(points, d);
            y = new DMatrixRMaj(points, 1);
        }

        double predict(PromptBatch batch, int prompt, int k) {
            if (k == 0) {
                return 0;
            }
            int d = batch.dims();
            x.reshape(k, d);
            y.reshape(k, 1);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < d; c++) {
                    x.set(r, c, batch.x(prompt, r, c));
                }
                y.set(r, 0, batch.y(prompt, r));
            }
            if (!solver.setA(x)) {
                throw new IllegalStateException("pseudo-inverse failed at k=" + k);
            }
            solver.solve(y, w);
            double pred = 0;
            for (int c = 0; c < d; c++) {
                pred += w.get(c, 0) * batch.x(prompt, k, c);
            }
            return pred;
        }
    }
}
