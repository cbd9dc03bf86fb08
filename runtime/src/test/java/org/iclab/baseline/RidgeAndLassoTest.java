package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.iclab.spec.baseline.Lasso;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.Ridge;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

class RidgeAndLassoTest {
    /** One prompt, d = 2: x and y written out by hand (as LearnerTest's). */
    private static final PromptBatch HAND = Prompts.of(new double[][] {{1, 0}, {0, 2}, {3, 0}, {1, 1}}, new double[] {2, -2, 3, 9});

    @Test
    void ridgeSolvesTheNormalEquationsWorkedByHand() {
        double[] p = Learner.of(new Ridge(1)).predictPrefixes(HAND, 0);
        // k=1: XᵀX + I = diag(2, 1), Xᵀy = (2, 0) -> w = (1, 0) -> x1 = (0, 2): 0.
        // k=2: XᵀX + I = diag(2, 5), Xᵀy = (2, -4) -> w = (1, -0.8) -> x2 = (3, 0): 3.
        // k=3: XᵀX + I = diag(11, 5), Xᵀy = (11, -4) -> w = (1, -0.8) -> x3 = (1, 1): 0.2.
        assertThat(p).containsExactly(new double[] {0, 0, 3, 0.2}, within(1e-12));
        // alpha 4 at k=3: diag(14, 8), w = (11/14, -0.5) -> 11/14 - 0.5
        assertThat(Learner.of(new Ridge(4)).predictAt(HAND, 0, 3)).isCloseTo(11.0 / 14 - 0.5, within(1e-12));
    }

    @Test
    void ridgeMatchesGaussianEliminationOnRandomPromptsAndApproachesLeastSquares() {
        PromptBatch b = Prompts.gaussian(3, 4, 12, 5, x -> x[0] - 2 * x[3] + 0.5);
        Learner ridge = Learner.of(new Ridge(0.3));
        for (int p = 0; p < b.batch(); p++) {
            double[] prefixes = ridge.predictPrefixes(b, p);
            for (int k = 1; k < b.points(); k++) {
                double[] w = ridgeByHand(b, p, k, 0.3);
                double expected = dot(w, Prompts.row(b, p, k));
                assertThat(prefixes[k]).as("prompt %d k %d", p, k).isCloseTo(expected, within(1e-9));
                assertThat(ridge.predictAt(b, p, k)).isCloseTo(prefixes[k], within(1e-9));
            }
            // with a vanishing penalty and k > d, ridge is least squares
            assertThat(Learner.of(new Ridge(1e-9)).predictAt(b, p, 11))
                    .isCloseTo(Learner.of(new LeastSquares()).predictAt(b, p, 11), within(1e-6));
        }
    }

    /** (XᵀX + αI) w = Xᵀy by Gauss-Jordan elimination with partial pivoting. */
    private static double[] ridgeByHand(PromptBatch b, int p, int k, double alpha) {
        int d = b.dims();
        double[][] a = new double[d][d + 1];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < k; i++) {
                    a[r][c] += (double) b.x(p, i, r) * b.x(p, i, c);
                }
            }
            a[r][r] += alpha;
            for (int i = 0; i < k; i++) {
                a[r][d] += (double) b.x(p, i, r) * b.y(p, i);
            }
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= d; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] w = new double[d];
        for (int r = 0; r < d; r++) {
            w[r] = a[r][d] / a[r][r];
        }
        return w;
    }

    @Test
    void lassoOnAnOrthogonalDesignIsSoftThresholding() {
        // columns orthogonal: w_j = S(x_jᵀy, k·alpha) / ||x_j||², with S(z, t) = sign(z)·max(|z| - t, 0)
        double[][] x = {{1, 1, 1}, {1, -1, 1}, {1, 1, -1}, {1, -1, -1}, {0.5, -2, 3}};
        double[] y = {3, 1, 2.5, 0.5, 0};
        PromptBatch b = Prompts.of(x, y);
        int k = 4;
        for (double alpha : new double[] {0.01, 0.2, 0.5, 1, 2}) {
            double[] w = new double[3];
            for (int j = 0; j < 3; j++) {
                double xy = 0;
                double xx = 0;
                for (int i = 0; i < k; i++) {
                    xy += x[i][j] * y[i];
                    xx += x[i][j] * x[i][j];
                }
                w[j] = Math.signum(xy) * Math.max(Math.abs(xy) - k * alpha, 0) / xx;
            }
            double expected = dot(w, x[k]);
            assertThat(Learner.of(new Lasso(alpha)).predictAt(b, 0, k)).as("alpha %s", alpha).isCloseTo(expected, within(1e-9));
            assertThat(Learner.of(new Lasso(alpha)).predictPrefixes(b, 0)[k]).as("alpha %s", alpha).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void lassoSolutionsMeetTheKktConditionsOnRandomData() {
        // optimality of (1/2k)||y - Xw||² + alpha||w||₁: g_j = x_jᵀ(y - Xw)/k equals alpha·sign(w_j) where w_j ≠ 0
        // and lies in [-alpha, alpha] where w_j = 0; below d (k < 8) too
        PromptBatch b = Prompts.gaussian(11, 3, 30, 8, x -> 2 * x[0] - x[1] + 0.1 * x[5]);
        for (double alpha : new double[] {0.5, 0.05, 0.001}) {
            for (int p = 0; p < b.batch(); p++) {
                LassoLearner.Fit fit = new LassoLearner.Fit(b, p);
                for (int k = 1; k < b.points(); k++) {
                    fit.solve(k, alpha); // warm-started from k - 1, as predictPrefixes
                    int zeros = 0;
                    for (int j = 0; j < b.dims(); j++) {
                        double g = 0;
                        for (int i = 0; i < k; i++) {
                            double residual = b.y(p, i) - dot(fit.w, Prompts.row(b, p, i));
                            g += b.x(p, i, j) * residual / k;
                        }
                        String where = "alpha " + alpha + " prompt " + p + " k " + k + " feature " + j;
                        if (fit.w[j] != 0) {
                            assertThat(g).as(where).isCloseTo(alpha * Math.signum(fit.w[j]), within(2e-3));
                        } else {
                            assertThat(Math.abs(g)).as(where).isLessThanOrEqualTo(alpha + 2e-3);
                            zeros++;
                        }
                    }
                    if (alpha == 0.5 && k > 10) {
                        assertThat(zeros).as("a large penalty zeroes the irrelevant features").isGreaterThanOrEqualTo(5);
                    }
                }
            }
        }
    }

    @Test
    void warmStartedPrefixesAgreeWithColdFitsAndRecoverASparseFunction() {
        PromptBatch b = Prompts.gaussian(5, 2, 41, 20, x -> 3 * x[2] - 2 * x[7]);
        Learner lasso = Learner.of(new Lasso(0.01));
        for (int p = 0; p < b.batch(); p++) {
            double[] warm = lasso.predictPrefixes(b, p);
            for (int k = 1; k < b.points(); k += 3) {
                assertThat(warm[k]).as("k %d", k).isCloseTo(lasso.predictAt(b, p, k), within(1e-2 * (1 + Math.abs(warm[k]))));
            }
            // a 2-sparse function in 20 dimensions is found from far fewer than 20 examples, up to the penalty's bias
            for (int k = 14; k < b.points(); k++) {
                assertThat(warm[k]).as("k %d", k).isCloseTo(b.y(p, k), within(0.15));
            }
        }
    }

    @Test
    void theExactMinimiserOnTheSupportIsTheOptimumCoordinateDescentApproaches() {
        // Garg et al.'s workload (d 20, 41 points, alpha 0.01) and a larger penalty: the fit that tries the exact
        // minimiser on its support must end where plain coordinate descent ends (the same objective to within the
        // stopping test), and where it was used its KKT conditions hold to rounding, not just to the tolerance
        PromptBatch b = Prompts.gaussian(21, 4, 41, 20, x -> x[0] - 0.5 * x[3] + 2 * x[11]);
        java.util.Map<LassoLearner.Ending, Integer> endings = new java.util.EnumMap<>(LassoLearner.Ending.class);
        int polished = 0;
        for (double alpha : new double[] {0.01, 0.3}) {
            for (int p = 0; p < b.batch(); p++) {
                LassoLearner.Fit fast = new LassoLearner.Fit(b, p);
                LassoLearner.Fit plain = new LassoLearner.Fit(b, p, false);
                for (int k = 1; k < b.points(); k++) {
                    fast.solve(k, alpha);
                    plain.solve(k, alpha);
                    String where = "alpha " + alpha + " prompt " + p + " k " + k;
                    double yy = 0;
                    for (int i = 0; i < k; i++) {
                        yy += b.y(p, i) * b.y(p, i);
                    }
                    // both objectives are within the duality gap test (1e-4·||y||²/k) of the optimum
                    assertThat(objective(b, p, k, alpha, fast.w)).as(where)
                            .isCloseTo(objective(b, p, k, alpha, plain.w), within(2e-4 * yy / k));
                    assertThat(plain.ending).isEqualTo(LassoLearner.Ending.SWEEPS);
                    endings.merge(fast.ending, 1, Integer::sum);
                    if (fast.ending != LassoLearner.Ending.SWEEPS) {
                        polished++;
                        for (int j = 0; j < b.dims(); j++) {
                            double g = 0;
                            for (int i = 0; i < k; i++) {
                                g += b.x(p, i, j) * (b.y(p, i) - dot(fast.w, Prompts.row(b, p, i))) / k;
                            }
                            if (fast.w[j] != 0) {
                                assertThat(g).as(where + " feature " + j).isCloseTo(alpha * Math.signum(fast.w[j]), within(1e-9));
                            } else {
                                assertThat(Math.abs(g)).as(where + " feature " + j).isLessThanOrEqualTo(alpha + 1e-9);
                            }
                        }
                    }
                }
            }
        }
        assertThat(polished).as("fits that ended on an exact minimiser: %s", endings).isGreaterThan(2 * 4 * 40 * 9 / 10);
        assertThat(endings).as("both exact routes are taken").containsKeys(LassoLearner.Ending.SUPPORT, LassoLearner.Ending.HOMOTOPY);
    }

    private static double objective(PromptBatch b, int p, int k, double alpha, double[] w) {
        double sq = 0;
        for (int i = 0; i < k; i++) {
            double e = b.y(p, i) - dot(w, Prompts.row(b, p, i));
            sq += e * e;
        }
        double l1 = 0;
        for (double v : w) {
            l1 += Math.abs(v);
        }
        return sq / (2 * k) + alpha * l1;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
