package org.iclab.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.iclab.task.PromptBatch;

/**
 * Ridge regression without intercept: w = (XᵀX + αI)⁻¹ Xᵀy, solved by Cholesky (EJML) as scikit-learn's
 * {@code Ridge(alpha, fit_intercept=False)} does for dense data. Across prefixes XᵀX and Xᵀy grow by one example
 * each, so a prompt costs one rank-one update and one d×d Cholesky per k instead of rebuilding them.
 */
final class RidgeLearner implements Learner {
    private final double alpha;

    RidgeLearner(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        if (k == 0) {
            return 0;
        }
        Normal normal = new Normal(batch.dims(), alpha);
        for (int j = 0; j < k; j++) {
            normal.add(batch, prompt, j);
        }
        return normal.predict(batch, prompt, k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Normal normal = new Normal(batch.dims(), alpha);
        for (int k = 1; k < out.length; k++) {
            normal.add(batch, prompt, k - 1);
            out[k] = normal.predict(batch, prompt, k);
        }
        return out;
    }

    /** The running normal equations XᵀX, Xᵀy of one prompt's prefix. */
    private static final class Normal {
        private final int d;
        private final double alpha;
        private final double[] gram;
        private final double[] xty;
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj w;
        private final LinearSolverDense<DMatrixRMaj> solver;

        Normal(int d, double alpha) {
            this.d = d;
            this.alpha = alpha;
            gram = new double[d * d];
            xty = new double[d];
            a = new DMatrixRMaj(d, d);
            b = new DMatrixRMaj(d, 1);
            w = new DMatrixRMaj(d, 1);
            solver = LinearSolverFactory_DDRM.chol(d);
        }

        void add(PromptBatch batch, int prompt, int j) {
            double y = batch.y(prompt, j);
            for (int r = 0; r < d; r++) {
                double xr = batch.x(prompt, j, r);
                xty[r] += xr * y;
                for (int c = 0; c < d; c++) {
                    gram[r * d + c] += xr * batch.x(prompt, j, c);
                }
            }
        }

        double predict(PromptBatch batch, int prompt, int k) {
            System.arraycopy(gram, 0, a.data, 0, d * d);
            for (int r = 0; r < d; r++) {
                a.data[r * d + r] += alpha;
            }
            System.arraycopy(xty, 0, b.data, 0, d);
            if (!solver.setA(a)) {
                throw new IllegalStateException("ridge: XᵀX + alpha·I is not positive definite at k=" + k + " (alpha " + alpha + ")");
            }
            solver.solve(b, w);
            double pred = 0;
            for (int c = 0; c < d; c++) {
                pred += w.data[c] * batch.x(prompt, k, c);
            }
            return pred;
        }
    }
}
