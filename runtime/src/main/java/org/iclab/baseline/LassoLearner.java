package org.iclab.baseline;

import org.iclab.task.PromptBatch;

/**
 * The Lasso as scikit-learn's {@code Lasso(alpha, fit_intercept=False, max_iter=100000)} fits it (Garg et al.'s call):
 * w minimises (1/(2k))·||y - Xw||² + alpha·||w||₁, and a fit is accepted by scikit-learn's optimality test: the
 * duality gap of {@code enet_coordinate_descent} at most {@value #TOL}·||y||².
 *
 * <p>scikit-learn gets there by cyclic coordinate descent, which below d examples and at a small alpha takes
 * thousands of sweeps (its iterate spreads weight over many features and sheds it slowly). This learner instead
 * computes the exact minimiser, and coordinate descent is only its fallback:
 * <ol>
 *   <li>the previous prefix's support A and signs s (one more example rarely changes them):
 *       w_A = (X_Aᵀ X_A)⁻¹ (X_Aᵀ y − k·alpha·s), a Cholesky solve of at most k × k;</li>
 *   <li>otherwise the Lasso homotopy (LARS with the Lasso's drop step) from w = 0 at λ = max|X_jᵀy| down to
 *       λ = k·alpha, one event (a feature joins or leaves the support) at a time;</li>
 *   <li>otherwise, where rounding or a degenerate design defeats both, scikit-learn's coordinate descent from the
 *       warm start, trying 1. again every {@value #POLISH_EVERY} sweeps; like scikit-learn without Garg et al.'s
 *       warnings-as-errors, a fit that reaches {@value #MAX_ITER} sweeps keeps its last iterate.</li>
 * </ol>
 * A candidate from 1. or 2. is kept only where its signs are s, every feature off the support has
 * |x_jᵀ(y − Xw)| ≤ k·alpha, and the duality gap test passes: then it is the optimum to rounding, which coordinate
 * descent only approaches. {@link #predictPrefixes} carries the fit along k; {@link #predictAt} starts from zero.
 */
final class LassoLearner implements Learner {
    /** scikit-learn's default tolerance. */
    static final double TOL = 1e-4;
    /** Garg et al.'s max_iter. */
    static final int MAX_ITER = 100_000;
    /** Sweeps of the fallback between two tries of the exact minimiser on the current support. */
    static final int POLISH_EVERY = 4;

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

    /** How a fit ended. */
    enum Ending {
        /** The exact minimiser on the previous support and signs. */
        SUPPORT,
        /** The exact minimiser found by the homotopy. */
        HOMOTOPY,
        /** Coordinate descent's sweeps (possibly finished by the support solve). */
        SWEEPS
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
        /** Whether the exact minimisers are tried (off only to compare with plain coordinate descent). */
        private final boolean exact;
        /** Scratch: the support, a Gram matrix (d × d) and its Cholesky factor, vectors, the iterate to fall back on. */
        private final int[] support;
        private final double[] gram;
        private final double[] chol;
        private final double[] rhs;
        private final double[] corr;
        private final double[] along;
        private final double[] saved;
        private final double[] xty;
        private final double[] signs;
        int sweeps;
        Ending ending;

        Fit(PromptBatch batch, int prompt) {
            this(batch, prompt, true);
        }

        Fit(PromptBatch batch, int prompt, boolean exact) {
            this.exact = exact;
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
            support = new int[d];
            gram = new double[d * d];
            chol = new double[d * d];
            rhs = new double[d];
            corr = new double[d];
            along = new double[d];
            saved = new double[d];
            xty = new double[d];
            signs = new double[d];
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
            sweeps = 0;
            if (exact) {
                gram(k);
                if (keptOnSupport(k, l1, tol)) {
                    ending = Ending.SUPPORT;
                    return;
                }
                if (homotopy(l1) && accept(k, l1, tol)) {
                    ending = Ending.HOMOTOPY;
                    return;
                }
                System.arraycopy(saved, 0, w, 0, d); // the warm start keptOnSupport saved
            }
            ending = Ending.SWEEPS;
            residual(k);
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
                if (exact && sweeps % POLISH_EVERY == 0) {
                    if (keptOnSupport(k, l1, tol)) {
                        return;
                    }
                    residual(k); // accept() recomputed it for the candidate
                }
            }
        }

        /**
         * Whether the exact minimiser on w's support and signs exists and passes {@link #accept}; then w is it,
         * otherwise w is as it was (kept in {@code saved}).
         */
        private boolean keptOnSupport(int k, double l1, double tol) {
            System.arraycopy(w, 0, saved, 0, d);
            if (onSupport(l1) && accept(k, l1, tol)) {
                return true;
            }
            System.arraycopy(saved, 0, w, 0, d);
            return false;
        }

        /** gram = XᵀX over rows 0..k-1 (full, row-major; its diagonal is {@code norms}) and xty = Xᵀy. */
        private void gram(int k) {
            for (int a = 0; a < d; a++) {
                double t = 0;
                for (int i = 0; i < k; i++) {
                    t += x[a * n + i] * y[i];
                }
                xty[a] = t;
                gram[a * d + a] = norms[a];
                for (int b = 0; b < a; b++) {
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        s += x[a * n + i] * x[b * n + i];
                    }
                    gram[a * d + b] = s;
                    gram[b * d + a] = s;
                }
            }
        }

        /** r = y − Xw over rows 0..k-1. */
        private void residual(int k) {
            System.arraycopy(y, 0, r, 0, k);
            for (int c = 0; c < d; c++) {
                if (w[c] != 0) {
                    axpy(-w[c], c, k);
                }
            }
        }

        /**
         * Cholesky factor of gram on support[0..m) into chol (lower, row-major m × m); false where a pivot is not
         * clearly positive (a singular support).
         */
        private boolean factor(int m) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = gram[support[a] * d + support[b]];
                    for (int j = 0; j < b; j++) {
                        s -= chol[a * m + j] * chol[b * m + j];
                    }
                    if (a == b) {
                        if (!(s > 1e-10 * norms[support[a]])) {
                            return false;
                        }
                        chol[a * m + a] = Math.sqrt(s);
                    } else {
                        chol[a * m + b] = s / chol[b * m + b];
                    }
                }
            }
            return true;
        }

        /** Solves (chol cholᵀ) v = v in place for the first m entries of v. */
        private void cholSolve(double[] v, int m) {
            for (int a = 0; a < m; a++) {
                double s = v[a];
                for (int j = 0; j < a; j++) {
                    s -= chol[a * m + j] * v[j];
                }
                v[a] = s / chol[a * m + a];
            }
            for (int a = m - 1; a >= 0; a--) {
                double s = v[a];
                for (int j = a + 1; j < m; j++) {
                    s -= chol[j * m + a] * v[j];
                }
                v[a] = s / chol[a * m + a];
            }
        }

        /** w := the exact minimiser on w's support with w's signs, where it exists and keeps those signs. */
        private boolean onSupport(double l1) {
            int m = 0;
            for (int c = 0; c < d; c++) {
                if (w[c] != 0) {
                    support[m++] = c;
                }
            }
            if (m == 0 || !factor(m)) {
                return false;
            }
            for (int a = 0; a < m; a++) {
                rhs[a] = xty[support[a]] - l1 * Math.signum(w[support[a]]);
            }
            cholSolve(rhs, m);
            for (int a = 0; a < m; a++) {
                if (Math.signum(rhs[a]) != Math.signum(w[support[a]])) {
                    return false;
                }
            }
            for (int a = 0; a < m; a++) {
                w[support[a]] = rhs[a];
            }
            return true;
        }

        /**
         * The Lasso homotopy from w = 0 down to λ = l1 (Efron et al.'s LARS with the Lasso modification, Osborne et
         * al.'s homotopy). Along the path every active feature j has x_jᵀr = λ·s_j; between events w_A moves along
         * (G_AA)⁻¹ s_A per unit decrease of λ, until an inactive feature's correlation reaches ±λ (it joins) or an
         * active coefficient reaches zero (it leaves). False where a step meets a singular support or the events do
         * not end in 4·d + 16 steps.
         */
        private boolean homotopy(double l1) {
            java.util.Arrays.fill(w, 0);
            double lambda = 0;
            int first = -1;
            for (int c = 0; c < d; c++) {
                corr[c] = xty[c];
                if (Math.abs(corr[c]) > lambda) {
                    lambda = Math.abs(corr[c]);
                    first = c;
                }
            }
            if (lambda <= l1) {
                return true; // w = 0 is optimal
            }
            int m = 0;
            support[m++] = first;
            int dropped = -1; // a feature that just left has |corr| = λ: it may not rejoin at once
            signs[first] = Math.signum(corr[first]);
            for (int step = 0; step < 4 * d + 16; step++) {
                if (!factor(m)) {
                    return false;
                }
                for (int a = 0; a < m; a++) {
                    rhs[a] = signs[support[a]];
                }
                cholSolve(rhs, m); // dw_A per unit decrease of λ
                for (int c = 0; c < d; c++) {
                    double s = 0;
                    for (int a = 0; a < m; a++) {
                        s += gram[c * d + support[a]] * rhs[a];
                    }
                    along[c] = s; // the decrease of corr_c per unit decrease of λ (s_c for an active c)
                }
                double gamma = lambda - l1;
                int joins = -1;
                int leaves = -1;
                for (int c = 0; c < d; c++) {
                    if (c == dropped || isActive(c, m)) {
                        continue;
                    }
                    if (1 - along[c] > 1e-12) {
                        double t = (lambda - corr[c]) / (1 - along[c]);
                        if (t < gamma) {
                            gamma = Math.max(t, 0);
                            joins = c;
                        }
                    }
                    if (1 + along[c] > 1e-12) {
                        double t = (lambda + corr[c]) / (1 + along[c]);
                        if (t < gamma) {
                            gamma = Math.max(t, 0);
                            joins = c;
                        }
                    }
                }
                for (int a = 0; a < m; a++) {
                    int c = support[a];
                    if (w[c] != 0 && rhs[a] != 0) {
                        double t = -w[c] / rhs[a];
                        if (t > 0 && t < gamma) {
                            gamma = t;
                            leaves = a;
                            joins = -1;
                        }
                    }
                }
                for (int a = 0; a < m; a++) {
                    w[support[a]] += gamma * rhs[a];
                }
                for (int c = 0; c < d; c++) {
                    corr[c] -= gamma * along[c];
                }
                lambda -= gamma;
                dropped = -1;
                if (leaves >= 0) {
                    dropped = support[leaves];
                    w[support[leaves]] = 0;
                    support[leaves] = support[--m];
                } else if (joins >= 0) {
                    signs[joins] = Math.signum(corr[joins]);
                    support[m++] = joins;
                } else {
                    return true; // reached λ = l1
                }
            }
            return false;
        }

        private boolean isActive(int c, int m) {
            for (int a = 0; a < m; a++) {
                if (support[a] == c) {
                    return true;
                }
            }
            return false;
        }

        /** Whether w is optimal: the KKT conditions off the support, and the duality gap test (r is recomputed). */
        private boolean accept(int k, double l1, double tol) {
            residual(k);
            for (int c = 0; c < d; c++) {
                if (w[c] == 0 && Math.abs(dotColumn(c, r, k)) > l1 * (1 + 1e-9)) {
                    return false;
                }
            }
            return dualityGap(k, l1) <= tol;
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
