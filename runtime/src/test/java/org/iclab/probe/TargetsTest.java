package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.iclab.task.GaussJordan;
import org.junit.jupiter.api.Test;

/**
 * The closed-form targets against independent computations on small contexts: normal equations and the
 * minimum-norm formula for least squares, a hand-worked moment, gradient descent's power series, Newton's matrix
 * recursion run literally, and the eigenbasis shortcuts ({@link Spectrum}) against the direct forms.
 */
class TargetsTest {
    private static double[][] gaussian(SplittableRandom rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            for (int j = 0; j < cols; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    private static double[] vector(SplittableRandom rng, int n) {
        return gaussian(rng, 1, n)[0];
    }

    private static double[] times(double[][] x, double[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w.length; j++) {
                out[i] += x[i][j] * w[j];
            }
        }
        return out;
    }

    private static double[] transposeTimes(double[][] x, double[] y) {
        double[] out = new double[x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += x[i][j] * y[i];
            }
        }
        return out;
    }

    private static double[][] gram(double[][] x) {
        int d = x[0].length;
        double[][] s = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    s[a][b] += row[a] * row[b];
                }
            }
        }
        return s;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    private static double[] matVec(double[][] a, double[] v) {
        return times(a, v);
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("coordinate " + j).isCloseTo(expected[j], within(tolerance));
        }
    }

    @Test
    void leastSquaresSolvesTheNormalEquationsWhenKIsAtLeastD() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = gaussian(rng, 8, 4);
        double[] y = vector(rng, 8);
        double[] expected = GaussJordan.solve(gram(x), transposeTimes(x, y));
        assertClose(Targets.leastSquares(x, y, 4), expected, 1e-10);
        Spectrum s = Spectrum.of(x, y, 4);
        assertClose(s.weights(s.leastSquares()), expected, 1e-10);
    }

    @Test
    void belowDLeastSquaresIsTheMinimumNormInterpolant() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = gaussian(rng, 3, 6);
        double[] y = vector(rng, 3);
        // w = X^T (X X^T)^{-1} y: in the row space of X and fitting every example exactly
        double[][] xxt = multiply(x, transpose(x));
        double[] expected = transposeTimes(x, GaussJordan.solve(xxt, y));
        double[] w = Targets.leastSquares(x, y, 6);
        assertClose(w, expected, 1e-10);
        assertClose(times(x, w), y, 1e-10);
        Spectrum s = Spectrum.of(x, y, 6);
        assertClose(s.weights(s.leastSquares()), expected, 1e-9);
        assertClose(Targets.leastSquares(new double[0][], new double[0], 6), new double[6], 0);
    }

    @Test
    void momentIsXTransposeYOverK() {
        double[][] x = {{1, 2}, {3, 4}};
        double[] y = {1, -1};
        // X^T y = (1 - 3, 2 - 4) = (-2, -2); over k = 2
        assertClose(Targets.momentXy(x, y, 2), new double[] {-1, -1}, 0);
        assertClose(Targets.momentXy(new double[0][], new double[0], 2), new double[] {0, 0}, 0);
    }

    @Test
    void gradientDescentIteratesFollowThePowerSeries() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int k : new int[] {2, 5, 9}) {
            double[][] x = gaussian(rng, k, 5);
            double[] y = vector(rng, k);
            double lr = 0.3;
            double[][] iterates = Targets.gradientDescent(x, y, 5, lr, 6);
            // one step from 0 is lr times the moment
            double[] moment = Targets.momentXy(x, y, 5);
            for (int j = 0; j < 5; j++) {
                moment[j] *= lr;
            }
            assertClose(iterates[0], moment, 1e-12);
            // w_t = sum_{i<t} (I - lr S / k)^i lr X^T y / k
            double[][] a = gram(x);
            for (double[] row : a) {
                for (int j = 0; j < 5; j++) {
                    row[j] *= -lr / k;
                }
            }
            for (int j = 0; j < 5; j++) {
                a[j][j] += 1;
            }
            double[] term = transposeTimes(x, y);
            for (int j = 0; j < 5; j++) {
                term[j] *= lr / k;
            }
            double[] sum = new double[5];
            Spectrum s = Spectrum.of(x, y, 5);
            double[][] multipliers = s.gradientDescent(lr, 6);
            for (int t = 1; t <= 6; t++) {
                for (int j = 0; j < 5; j++) {
                    sum[j] += term[j];
                }
                term = matVec(a, term);
                assertClose(iterates[t - 1], sum, 1e-10);
                assertClose(s.weights(multipliers[t - 1]), sum, 1e-10);
            }
        }
    }

    @Test
    void newtonIteratesFollowTheMatrixRecursionAndConvergeToLeastSquares() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int k : new int[] {1, 3, 5, 10}) {
            double[][] x = gaussian(rng, k, 5);
            double[] y = vector(rng, k);
            double[][] s = gram(x);
            // alpha from the singular values of S, computed here by EJML's SVD (the code under test uses its eigen solver)
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(5, 5, false, false, true);
            svd.decompose(new DMatrixRMaj(s));
            double[] sv = svd.getSingularValues();
            double max = 0;
            for (double v : sv) {
                max = Math.max(max, v);
            }
            double min = Double.POSITIVE_INFINITY;
            for (double v : sv) {
                if (v > 1e-10 * max) {
                    min = Math.min(min, v);
                }
            }
            double alpha = 2 / (max * max + min * min);
            double[][] m = new double[5][5];
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    m[a][b] = alpha * s[a][b];
                }
            }
            double[] b = transposeTimes(x, y);
            double[][] iterates = Targets.newton(x, y, 5, 30);
            for (int j = 0; j <= 8; j++) {
                double[] expected = matVec(m, b);
                double scale = Math.max(1, max(expected));
                assertClose(iterates[j], expected, 1e-8 * scale);
                m = newtonStep(m, s);
            }
            assertClose(iterates[30], Targets.leastSquares(x, y, 5), 1e-6 * Math.max(1, max(Targets.leastSquares(x, y, 5))));
        }
    }

    /** One Newton–Schulz step for the pseudo-inverse of S: 2 M − M S M. */
    private static double[][] newtonStep(double[][] m, double[][] s) {
        double[][] msm = multiply(multiply(m, s), m);
        double[][] next = new double[m.length][m.length];
        for (int a = 0; a < m.length; a++) {
            for (int c = 0; c < m.length; c++) {
                next[a][c] = 2 * m[a][c] - msm[a][c];
            }
        }
        return next;
    }

    @Test
    void atFuEtAlsScaleTheMatrixRecursionLeavesTheTopDirectionAtZero() {
        SplittableRandom rng = new SplittableRandom(6);
        double[][] x = gaussian(rng, 7, 4);
        double[] y = vector(rng, 7);
        double[][] s = gram(x);
        // α = 2 / ||S Sᵀ||₂, the spectral norm from EJML's SVD of S Sᵀ (the code under test uses its eigen solver on S)
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(4, 4, false, false, true);
        svd.decompose(new DMatrixRMaj(multiply(s, s)));
        double norm = 0;
        for (double v : svd.getSingularValues()) {
            norm = Math.max(norm, v);
        }
        double[][] m = new double[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                m[a][b] = 2 / norm * s[a][b];
            }
        }
        double[] b = transposeTimes(x, y);
        double[][] iterates = Targets.newton(x, y, 4, 12, true);
        for (int j = 0; j <= 12; j++) {
            double[] expected = matVec(m, b);
            assertClose(iterates[j], expected, 1e-8 * Math.max(1, max(expected)));
            m = newtonStep(m, s);
        }
        // the top eigenvector's component of the iterates is 0 from iteration 1, so they never reach least squares
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(4, true, true);
        eig.decompose(new DMatrixRMaj(s));
        int top = 0;
        for (int i = 1; i < 4; i++) {
            top = eig.getEigenvalue(i).getReal() > eig.getEigenvalue(top).getReal() ? i : top;
        }
        double[] u = eig.getEigenVector(top).getData();
        double along = 0;
        double lsAlong = 0;
        double[] ls = Targets.leastSquares(x, y, 4);
        for (int i = 0; i < 4; i++) {
            along += u[i] * iterates[12][i];
            lsAlong += u[i] * ls[i];
        }
        assertThat(along).isCloseTo(0, within(1e-9 * Math.max(1, Math.abs(lsAlong))));
        assertThat(Math.abs(lsAlong)).isGreaterThan(1e-3);
        assertThat(Targets.newton(x, y, 4, 40)[40]).as("the balanced scale converges").containsExactly(ls, within(1e-6));
    }

    @Test
    void spectrumPredictionsAreTheEstimatesAtTheQuery() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] x = gaussian(rng, 4, 3);
        double[] y = vector(rng, 4);
        double[] q = vector(rng, 3);
        Spectrum s = Spectrum.of(x, y, 3);
        double[] projected = s.project(q);
        double[][] newton = s.newton(4);
        double[] w = s.weights(newton[4]);
        double expected = 0;
        for (int j = 0; j < 3; j++) {
            expected += w[j] * q[j];
        }
        assertThat(s.predict(newton[4], projected)).isCloseTo(expected, within(1e-12));
    }

    private static double max(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
