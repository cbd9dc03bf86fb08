package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The probe pooled over positions: its gradient against central finite differences of its own loss, and on synthetic
 * "hidden states" that it finds the one token that carries a planted target, reads a non-linear target only with
 * hidden units, and is the same for the same seed.
 */
class PooledFitTest {
    private static final int TOKENS = 6;
    private static final int WIDTH = 8;
    private static final int CARRIER = 3;

    private static double[][][] states(SplittableRandom rng, int prompts) {
        double[][][] x = new double[prompts][TOKENS][WIDTH];
        for (double[][] p : x) {
            for (double[] t : p) {
                for (int j = 0; j < WIDTH; j++) {
                    t[j] = 2 + 3 * rng.nextGaussian(); // off-centre and wide, as hidden states are
                }
            }
        }
        return x;
    }

    /** Two targets of the carrier token only: a linear one, and with {@code squared} (u·h)² − 1 and |v·h|. */
    private static double[][] targets(double[][][] x, boolean squared) {
        double[][] y = new double[x.length][2];
        for (int p = 0; p < x.length; p++) {
            double u = 0;
            double v = 0;
            for (int j = 0; j < WIDTH; j++) {
                double h = (x[p][CARRIER][j] - 2) / 3;
                u += h * (j % 2 == 0 ? 0.5 : -0.5);
                v += h * (j < 4 ? 0.5 : 0.25);
            }
            y[p][0] = squared ? u * u - 1 : 1.5 * u + 0.3;
            y[p][1] = squared ? Math.abs(v) : v - 2;
        }
        return y;
    }

    /** R² over all coordinates: 1 − Σ(ŷ − y)² / Σ(y − ȳ_c)², written out here. */
    private static double r2(double[][] predicted, double[][] truth) {
        int q = truth[0].length;
        double[] mean = new double[q];
        for (double[] t : truth) {
            for (int c = 0; c < q; c++) {
                mean[c] += t[c] / truth.length;
            }
        }
        double sse = 0;
        double sst = 0;
        for (int p = 0; p < truth.length; p++) {
            for (int c = 0; c < q; c++) {
                sse += Math.pow(predicted[p][c] - truth[p][c], 2);
                sst += Math.pow(truth[p][c] - mean[c], 2);
            }
        }
        return 1 - sse / sst;
    }

    @Test
    void gradientMatchesFiniteDifferencesWithAndWithoutHiddenUnits() {
        for (int hidden : new int[] {0, 5}) {
            SplittableRandom rng = new SplittableRandom(11);
            double[][][] x = new double[4][TOKENS][WIDTH];
            for (double[][] p : x) {
                for (double[] t : p) {
                    for (int j = 0; j < WIDTH; j++) {
                        t[j] = rng.nextGaussian();
                    }
                }
            }
            double[][] y = new double[4][3];
            for (double[] r : y) {
                for (int c = 0; c < 3; c++) {
                    r[c] = rng.nextGaussian();
                }
            }
            PooledFit fit = PooledFit.untrained(TOKENS, WIDTH, hidden, 3, 5);
            double[] analytic = new double[fit.params.length];
            fit.lossAndGradient(x, y, analytic, 0.25);
            for (int i = 0; i < fit.params.length; i++) {
                double keep = fit.params[i];
                double h = 1e-6;
                fit.params[i] = keep + h;
                double up = fit.lossAndGradient(x, y, new double[fit.params.length], 0.25);
                fit.params[i] = keep - h;
                double down = fit.lossAndGradient(x, y, new double[fit.params.length], 0.25);
                fit.params[i] = keep;
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[i]).as("hidden %d, parameter %d", hidden, i)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void findsTheCarrierTokenAndReadsALinearTargetFromIt() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][][] fitX = states(rng, 1024);
        double[][][] heldX = states(rng, 512);
        PooledFit.Settings linear = new PooledFit.Settings(0, 1000, 128, 3e-2, 7);
        PooledFit fit = PooledFit.fit(fitX, targets(fitX, false), linear);
        assertThat(r2(fit.predict(heldX), targets(heldX, false))).isGreaterThan(0.98);
        double[] a = fit.positionWeights();
        assertThat(a[CARRIER]).isGreaterThan(0.9);
        double sum = 0;
        for (double w : a) {
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theDefaultSettingsFindTheCarrierToo() {
        SplittableRandom rng = new SplittableRandom(6);
        double[][][] fitX = states(rng, 2048);
        double[][][] heldX = states(rng, 512);
        org.iclab.spec.probe.PooledProbe defaults = new org.iclab.spec.probe.PooledProbe(new org.iclab.spec.probe.Weights());
        PooledFit fit = PooledFit.fit(fitX, targets(fitX, false),
                new PooledFit.Settings(defaults.hidden(), defaults.steps(), defaults.batch(), defaults.lr(), 7));
        assertThat(r2(fit.predict(heldX), targets(heldX, false))).isGreaterThan(0.95);
        double[] a = fit.positionWeights();
        assertThat(a[CARRIER]).isGreaterThan(0.5); // at the slower default rate the weights are less peaked than at 3e-2
        for (int t = 0; t < TOKENS; t++) {
            if (t != CARRIER) {
                assertThat(a[t]).as("token %d", t).isLessThan(a[CARRIER] / 4);
            }
        }
    }

    @Test
    void aNonLinearTargetNeedsHiddenUnits() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][][] fitX = states(rng, 2048);
        double[][][] heldX = states(rng, 512);
        double[][] fitY = targets(fitX, true);
        double[][] heldY = targets(heldX, true);
        PooledFit mlp = PooledFit.fit(fitX, fitY, new PooledFit.Settings(32, 1500, 128, 1e-2, 7));
        PooledFit linear = PooledFit.fit(fitX, fitY, new PooledFit.Settings(0, 1500, 128, 1e-2, 7));
        double mlpScore = r2(mlp.predict(heldX), heldY);
        double linearScore = r2(linear.predict(heldX), heldY);
        assertThat(mlpScore).isGreaterThan(0.8);
        assertThat(linearScore).isLessThan(0.1); // (u·h)² − 1 and |v·h| have no linear part in a symmetric h
        assertThat(mlp.positionWeights()[CARRIER]).isGreaterThan(0.8);
    }

    @Test
    void theSameSeedGivesTheSameProbeAndAnotherADifferentStart() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][][] x = states(rng, 256);
        double[][] y = targets(x, true);
        PooledFit one = PooledFit.fit(x, y, new PooledFit.Settings(8, 50, 32, 1e-2, 9));
        PooledFit same = PooledFit.fit(x, y, new PooledFit.Settings(8, 50, 32, 1e-2, 9));
        PooledFit other = PooledFit.fit(x, y, new PooledFit.Settings(8, 50, 32, 1e-2, 10));
        assertThat(same.params).containsExactly(one.params);
        assertThat(other.params).isNotEqualTo(one.params);
    }
}
