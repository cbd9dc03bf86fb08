package org.iclab.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.iclab.task.PromptBatch;

/** Minimum-norm least squares through the SVD pseudo-inverse (as LAPACK's gelsd, which Garg et al. call). */
final class LeastSquaresLearner implements Learner {
    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        if (k == 0) {
            return 0;
        }
        int d = batch.dims();
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        DMatrixRMaj x = new DMatrixRMaj(k, d);
        DMatrixRMaj y = new DMatrixRMaj(k, 1);
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
