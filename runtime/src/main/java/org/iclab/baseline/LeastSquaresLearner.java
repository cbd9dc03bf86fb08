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

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Fit fit = new Fit(batch.points(), batch.dims());
        for (int k = 1; k < out.length; k++) {
            out[k] = fit.predict(batch, prompt, k);
        }
        return out;
    }

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
