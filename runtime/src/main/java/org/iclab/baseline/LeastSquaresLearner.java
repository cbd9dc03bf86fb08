package org.iclab.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.iclab.task.PromptBatch;

/** Minimum-norm least squares through the SVD pseudo-inverse (as LAPACK's gelsd, which Garg et al. call). */
final class LeastSquaresLearner implements Learner {
    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        int n = batch.points();
        int d = batch.dims();
        double[] out = new double[n];
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        for (int i = 1; i < n; i++) {
            DMatrixRMaj x = new DMatrixRMaj(i, d);
            DMatrixRMaj y = new DMatrixRMaj(i, 1);
            for (int r = 0; r < i; r++) {
                for (int c = 0; c < d; c++) {
                    x.set(r, c, batch.x(prompt, r, c));
                }
                y.set(r, 0, batch.y(prompt, r));
            }
            if (!solver.setA(x)) {
                throw new IllegalStateException("pseudo-inverse failed at k=" + i);
            }
            solver.solve(y, w);
            double pred = 0;
            for (int c = 0; c < d; c++) {
                pred += w.get(c, 0) * batch.x(prompt, i, c);
            }
            out[i] = pred;
        }
        return out;
    }
}
