package org.iclab.probe;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A linear map with a bias from features (hidden states, n × p) to targets (n × q), fitted by ridge regression on
 * centred data, so the bias is not penalised: B = (F_cᵀF_c + λI)⁻¹ F_cᵀT_c with λ = penalty · trace(F_cᵀF_c) / p, a
 * fraction of the mean feature variance (times n), so that one setting means the same at every layer whatever the
 * scale of its hidden state. Several targets share one factorisation (one column block each).
 */
final class ProbeFit {
    private final double[] featureMean;
    private final double[] targetMean;
    private final DMatrixRMaj coefficients; // p × q

    private ProbeFit(double[] featureMean, double[] targetMean, DMatrixRMaj coefficients) {
        this.featureMean = featureMean;
        this.targetMean = targetMean;
        this.coefficients = coefficients;
    }

    /** Fits {@code targets} (n × q) from {@code features} (n × p). */
    static ProbeFit fit(double[][] features, double[][] targets, double penalty) {
        int n = features.length;
        int p = features[0].length;
        int q = targets[0].length;
        double[] fMean = mean(features, p);
        double[] tMean = mean(targets, q);
        DMatrixRMaj f = centred(features, fMean);
        DMatrixRMaj t = centred(targets, tMean);
        DMatrixRMaj gram = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(f, f, gram);
        double trace = CommonOps_DDRM.trace(gram);
        double lambda = trace > 0 ? penalty * trace / p : penalty;
        for (int i = 0; i < p; i++) {
            gram.add(i, i, lambda);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, q);
        CommonOps_DDRM.multTransA(f, t, rhs);
        DMatrixRMaj b = new DMatrixRMaj(p, q);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        if (!solver.setA(gram)) {
            solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            if (!solver.setA(gram)) {
                throw new IllegalStateException("could not solve the probe's normal equations (" + n + " prompts, width " + p + ")");
            }
        }
        solver.solve(rhs, b);
        return new ProbeFit(fMean, tMean, b);
    }

    /** The predicted targets of {@code features} (n × p), n × q. */
    double[][] predict(double[][] features) {
        int p = featureMean.length;
        int q = targetMean.length;
        double[][] out = new double[features.length][q];
        double[] centred = new double[p];
        for (int r = 0; r < features.length; r++) {
            for (int j = 0; j < p; j++) {
                centred[j] = features[r][j] - featureMean[j];
            }
            double[] row = out[r];
            for (int c = 0; c < q; c++) {
                double v = targetMean[c];
                for (int j = 0; j < p; j++) {
                    v += centred[j] * coefficients.unsafe_get(j, c);
                }
                row[c] = v;
            }
        }
        return out;
    }

    private static double[] mean(double[][] rows, int width) {
        double[] m = new double[width];
        for (double[] r : rows) {
            for (int j = 0; j < width; j++) {
                m[j] += r[j];
            }
        }
        for (int j = 0; j < width; j++) {
            m[j] /= rows.length;
        }
        return m;
    }

    private static DMatrixRMaj centred(double[][] rows, double[] mean) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, mean.length);
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < mean.length; j++) {
                m.unsafe_set(r, j, rows[r][j] - mean[j]);
            }
        }
        return m;
    }
}
