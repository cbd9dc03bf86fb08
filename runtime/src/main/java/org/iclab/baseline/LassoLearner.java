package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * The Lasso as scikit-learn's {@code Lasso(alpha, fit_intercept=False, max_iter=100000)} fits it (Garg et al.'s call):
 * w minimises (1/(2k))·||y - Xw||² + alpha·||w||₁, by cyclic coordinate descent over the features, the algorithm of
 * scikit-learn's {@code enet_coordinate_descent}: after a sweep whose largest coordinate change is below
 * {@value #TOL} of the largest coefficient, the duality gap is computed and the fit stops once it is below
 * {@value #TOL}·||y||². Like scikit-learn without Garg et al.'s warnings-as-errors, a fit that reaches
 * {@value #MAX_ITER} sweeps keeps its last iterate.
 *
 * <p>{@link #predictPrefixes} warm-starts each prefix from the previous prefix's solution (one more example moves the
 * optimum little), which makes the 40 fits of a prompt cost a few sweeps each; {@link #predictAt} starts from zero,
 * as scikit-learn does. Both stop at the same optimality test, so they agree to within its tolerance.
 */
final class LassoLearner implements Learner {
    /** scikit-learn's default tolerance. */
    static final double TOL = 1e-4;
    /** Garg et al.'s max_iter. */
    static final int MAX_ITER = 100_000;

    private final double alpha;

    LassoLearner(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        if (k == 0) {
            return 0;
        }
        Fit fit = new Fit(batch, prompt);
        fit.solve(k, alpha);
        return fit.predict(k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        double[] out = new double[batch.points()];
        Fit fit = new Fit(batch, prompt);
        for (int k = 1; k < out.length; k++) {
            fit.solve(k, alpha);
            out[k] = fit.predict(k);
        }
        return out;
    }

    /** One prompt's data in double, column-major for the coordinate updates, and the current coefficients. */
    static final class Fit {
        private final int n;
        private final int d;
        /** Column-major: x[c * n + row]. */
        private final double[] x;
        private final double[] y;
        private final double[] query;
        final double[] w;
        private final double[] r;
        private final double[] norms;
        int sweeps;

        Fit(PromptBatch batch, int prompt) {
            n = batch.points();
            d = batch.dims();
            x = new double[n * d];
            y = new double[n];
            query = new double[n * d];
            for (int row = 0; row < n; row++) {
                y[row] = batch.y(prompt, row);
                for (int c = 0; c < d; c++) {
                    x[c * n + row] = batch.x(prompt, row, c);
                    query[row * d + c] = batch.x(prompt, row, c);
                }
            }
            w = new double[d];
            r = new double[n];
            norms = new double[d];
        }

        double predict(int k) {
            double pred = 0;
            for (int c = 0; c < d; c++) {
                pred += w[c] * query[k * d + c];
            }
            return pred;
        }

        /** Minimises the objective over rows 0..k-1, starting from the current w. */
        void solve(int k, double alpha) {
            double l1 = alpha * k;
            double yy = 0;
            for (int i = 0; i < k; i++) {
                yy += y[i] * y[i];
            }
            double tol = TOL * yy;
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int i = 0; i < k; i++) {
                    s += x[c * n + i] * x[c * n + i];
                }
                norms[c] = s;
            }
            for (int i = 0; i < k; i++) {
                r[i] = y[i];
            }
            for (int c = 0; c < d; c++) {
                if (w[c] != 0) {
                    axpy(-w[c], c, k);
                }
            }
            sweeps = 0;
            for (int iter = 0; iter < MAX_ITER; iter++) {
                sweeps++;
                double wMax = 0;
                double dwMax = 0;
                for (int c = 0; c < d; c++) {
                    if (norms[c] == 0) {
                        continue;
                    }
                    double old = w[c];
                    if (old != 0) {
                        axpy(old, c, k);
                    }
                    double tmp = dotColumn(c, r, k);
                    double next = Math.signum(tmp) * Math.max(Math.abs(tmp) - l1, 0) / norms[c];
                    w[c] = next;
                    if (next != 0) {
                        axpy(-next, c, k);
                    }
                    dwMax = Math.max(dwMax, Math.abs(next - old));
                    wMax = Math.max(wMax, Math.abs(next));
                }
                if (wMax == 0 || dwMax / wMax < TOL || iter == MAX_ITER - 1) {
                    if (dualityGap(k, l1) <= tol) {
                        return;
                    }
                }
            }
        }

        /** scikit-learn's gap between the primal and a dual-feasible point scaled from the residual (n·objective units). */
        double dualityGap(int k, double l1) {
            double dualNorm = 0;
            for (int c = 0; c < d; c++) {
                dualNorm = Math.max(dualNorm, Math.abs(dotColumn(c, r, k)));
            }
            double rNorm2 = 0;
            double ry = 0;
            for (int i = 0; i < k; i++) {
                rNorm2 += r[i] * r[i];
                ry += r[i] * y[i];
            }
            double scale;
            double gap;
            if (dualNorm > l1) {
                scale = l1 / dualNorm;
                gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
            } else {
                scale = 1;
                gap = rNorm2;
            }
            double wL1 = 0;
            for (int c = 0; c < d; c++) {
                wL1 += Math.abs(w[c]);
            }
            return gap + l1 * wL1 - scale * ry;
        }

        private double dotColumn(int c, double[] v, int k) {
            double s = 0;
            int base = c * n;
            for (int i = 0; i < k; i++) {
                s += x[base + i] * v[i];
            }
            return s;
        }

        /** r += a · column c. */
        private void axpy(double a, int c, int k) {
            int base = c * n;
            for (int i = 0; i < k; i++) {
                r[i] += a * x[base + i];
            }
        }
    }
}
