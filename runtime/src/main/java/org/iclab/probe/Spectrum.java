package org.iclab.probe;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One context's S = X^T X in its eigenbasis, for the estimates that are polynomials (or the pseudo-inverse) of S
 * applied to b = X^T y: least squares (1/λ), a gradient-descent iterate ((1 - (1 - lr·λ/k)^t) / λ) and a Newton
 * iterate (m_j(λ), see {@link Targets#newton}). Each is w = Σ_i g(λ_i) (u_i·b) u_i for the eigenpairs (λ_i, u_i), so
 * once S is decomposed an estimate or its prediction at a query costs O(d) per step size and iterate: what lets the
 * best step size be searched over a grid for every k. Eigenvalues below {@link Targets#RANK_TOLERANCE} of the
 * largest are zero; b has no component along them (b lies in the row space of X).
 */
final class Spectrum {
    final int k;
    final double[] lambda;
    final double[] coefficient; // u_i · b
    final double[][] u;
    final double alpha;
    /** Fu et al.'s scale 2 / λ_max² (0 without examples). */
    final double paperAlpha;

    private Spectrum(int k, double[] lambda, double[] coefficient, double[][] u, double alpha, double paperAlpha) {
        this.k = k;
        this.lambda = lambda;
        this.coefficient = coefficient;
        this.u = u;
        this.alpha = alpha;
        this.paperAlpha = paperAlpha;
    }

    static Spectrum of(double[][] x, double[] y, int d) {
        int k = y.length;
        double[] lambda = new double[d];
        double[] coefficient = new double[d];
        double[][] u = new double[d][d];
        if (k == 0) {
            for (int i = 0; i < d; i++) {
                u[i][i] = 1;
            }
            return new Spectrum(0, lambda, coefficient, u, 0, 0);
        }
        DMatrixRMaj s = Targets.gram(x, d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("eigendecomposition of X^T X failed at k=" + k);
        }
        double max = 0;
        for (int i = 0; i < d; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal();
            u[i] = eig.getEigenVector(i).getData().clone();
            max = Math.max(max, lambda[i]);
        }
        double min = Double.POSITIVE_INFINITY;
        double[] b = Targets.xty(x, y, d);
        for (int i = 0; i < d; i++) {
            if (lambda[i] > Targets.RANK_TOLERANCE * max) {
                min = Math.min(min, lambda[i]);
                coefficient[i] = dot(u[i], b);
            } else {
                lambda[i] = 0;
            }
        }
        double alpha = max > 0 ? 2 / (max * max + min * min) : 0;
        return new Spectrum(k, lambda, coefficient, u, alpha, max > 0 ? 2 / (max * max) : 0);
    }

    /** u_i · q for every eigenvector: a query in the eigenbasis. */
    double[] project(double[] q) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = dot(u[i], q);
        }
        return out;
    }

    /** Σ_i g_i (u_i·b) (u_i·q) for a projected query: the prediction at q of the estimate with multipliers g. */
    double predict(double[] multipliers, double[] projectedQuery) {
        double out = 0;
        for (int i = 0; i < lambda.length; i++) {
            out += multipliers[i] * coefficient[i] * projectedQuery[i];
        }
        return out;
    }

    /** Σ_i g_i (u_i·b) u_i: the estimate with multipliers g. */
    double[] weights(double[] multipliers) {
        int d = lambda.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            double c = multipliers[i] * coefficient[i];
            for (int j = 0; j < d; j++) {
                w[j] += c * u[i][j];
            }
        }
        return w;
    }

    /** Least squares: 1/λ on the non-zero eigenvalues. */
    double[] leastSquares() {
        double[] g = new double[lambda.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = lambda[i] > 0 ? 1 / lambda[i] : 0;
        }
        return g;
    }

    /** Newton's multipliers m_j(λ) for j = 0..iterations: m_0 = αλ, m_{j+1} = 2 m_j - λ m_j², at the balanced α. */
    double[][] newton(int iterations) {
        return newton(iterations, false);
    }

    /** Newton's multipliers, at Fu et al.'s α = 2 / λ_max² where {@code paper}, else at the balanced one. */
    double[][] newton(int iterations, boolean paper) {
        double scale = paper ? paperAlpha : alpha;
        double top = 0;
        for (double l : lambda) {
            top = Math.max(top, l);
        }
        double[][] m = new double[iterations + 1][lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            double v = scale * lambda[i];
            if (paper && lambda[i] == top && top > 0) {
                m[0][i] = v; // 2 / λ_max, then exactly 0 (in floating point ±ε, which the recursion would double each step)
                continue;
            }
            for (int j = 0; j <= iterations; j++) {
                m[j][i] = v;
                v = 2 * v - lambda[i] * v * v;
            }
        }
        return m;
    }

    /** Gradient descent's multipliers after t = 1..steps steps of size lr: (1 - (1 - lr·λ/k)^t) / λ, or t·lr/k at λ = 0. */
    double[][] gradientDescent(double lr, int steps) {
        double[][] g = new double[steps][lambda.length];
        if (k == 0) {
            return g; // no examples, no gradient: w stays 0
        }
        for (int i = 0; i < lambda.length; i++) {
            double contraction = 1 - lr * lambda[i] / k;
            double power = 1;
            for (int t = 1; t <= steps; t++) {
                power *= contraction;
                g[t - 1][i] = lambda[i] > 0 ? (1 - power) / lambda[i] : t * lr / k;
            }
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
