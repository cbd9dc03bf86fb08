package org.iclab.probe;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.iclab.task.PromptBatch;

/**
 * The closed forms a probe compares a model with, computed from a prompt's first k examples: X is k × d (row i the
 * input x_i), y the k outputs. With k = 0 every estimate is the zero vector. Plain double arithmetic with EJML.
 */
public final class Targets {
    /** Eigenvalues of S below this fraction of the largest count as zero (S is rank-deficient for k &lt; d). */
    static final double RANK_TOLERANCE = 1e-10;

    private Targets() {
    }

    /** The first k inputs of prompt {@code p} as a k × d array. */
    public static double[][] inputs(PromptBatch batch, int p, int k) {
        double[][] x = new double[k][batch.dims()];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < batch.dims(); j++) {
                x[i][j] = batch.x(p, i, j);
            }
        }
        return x;
    }

    /** The first k outputs of prompt {@code p}. */
    public static double[] outputs(PromptBatch batch, int p, int k) {
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = batch.y(p, i);
        }
        return y;
    }

    /** The minimum-norm least-squares estimate X⁺y (SVD pseudo-inverse, as the leastSquares baseline). */
    public static double[] leastSquares(double[][] x, double[] y, int d) {
        int k = y.length;
        if (k == 0) {
            return new double[d];
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(new DMatrixRMaj(x))) {
            throw new IllegalStateException("pseudo-inverse failed at k=" + k);
        }
        DMatrixRMaj w = new DMatrixRMaj(d, 1);
        solver.solve(new DMatrixRMaj(k, 1, true, y), w);
        return w.getData().clone();
    }

    /** The moment X^T y / k. */
    public static double[] momentXy(double[][] x, double[] y, int d) {
        double[] m = xty(x, y, d);
        for (int j = 0; j < d; j++) {
            m[j] = y.length == 0 ? 0 : m[j] / y.length;
        }
        return m;
    }

    /**
     * Gradient descent from w_0 = 0 on L(w) = ||Xw - y||² / (2k), w_{t+1} = w_t - lr·X^T(Xw_t - y)/k; row t-1 of the
     * result is w_t for t = 1..steps.
     */
    public static double[][] gradientDescent(double[][] x, double[] y, int d, double lr, int steps) {
        int k = y.length;
        double[][] iterates = new double[steps][d];
        double[] w = new double[d];
        double[] residual = new double[k];
        for (int t = 0; t < steps; t++) {
            if (k > 0) {
                for (int i = 0; i < k; i++) {
                    double r = -y[i];
                    for (int j = 0; j < d; j++) {
                        r += x[i][j] * w[j];
                    }
                    residual[i] = r;
                }
                double step = lr / k;
                double[] next = w.clone();
                for (int j = 0; j < d; j++) {
                    double g = 0;
                    for (int i = 0; i < k; i++) {
                        g += x[i][j] * residual[i];
                    }
                    next[j] -= step * g;
                }
                w = next;
            }
            iterates[t] = w.clone();
        }
        return iterates;
    }

    /**
     * Iterative Newton for the pseudo-inverse of S = X^T X (Fu et al. 2023; Newton–Schulz): M_0 = α S,
     * M_{j+1} = 2 M_j - M_j S M_j, w_j = M_j X^T y; row j of the result is w_j for j = 0..iterations. α = 2 / (λ_max² +
     * λ_min²) over the non-zero eigenvalues λ of S (see {@link org.iclab.spec.probe.Newton} for why not Fu et al.'s
     * 2 / ||S S^T||₂). Every M_j is a polynomial in S, so the recursion runs exactly in S's eigenbasis: on an
     * eigenvalue λ, m_0 = αλ and m_{j+1} = 2 m_j - λ m_j², and directions with λ = 0 stay exactly 0 (the matrix
     * recursion in floating point would double their rounding error at every step).
     */
    public static double[][] newton(double[][] x, double[] y, int d, int iterations) {
        return newton(x, y, d, iterations, false);
    }

    /** As {@link #newton(double[][], double[], int, int)}, at Fu et al.'s α = 2 / ||S S^T||₂ where {@code paper}. */
    public static double[][] newton(double[][] x, double[] y, int d, int iterations, boolean paper) {
        Spectrum spectrum = Spectrum.of(x, y, d);
        double[][] multipliers = spectrum.newton(iterations, paper);
        double[][] iterates = new double[iterations + 1][];
        for (int j = 0; j <= iterations; j++) {
            iterates[j] = spectrum.weights(multipliers[j]);
        }
        return iterates;
    }

    /** w·x for the query input x_k of prompt {@code p}. */
    public static double predict(double[] w, PromptBatch batch, int p, int k) {
        double out = 0;
        for (int j = 0; j < w.length; j++) {
            out += w[j] * batch.x(p, k, j);
        }
        return out;
    }

    static DMatrixRMaj gram(double[][] x, int d) {
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        if (x.length > 0) {
            CommonOps_DDRM.multTransA(new DMatrixRMaj(x), new DMatrixRMaj(x), s);
        }
        return s;
    }

    static double[] xty(double[][] x, double[] y, int d) {
        double[] b = new double[d];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < d; j++) {
                b[j] += x[i][j] * y[i];
            }
        }
        return b;
    }
}
