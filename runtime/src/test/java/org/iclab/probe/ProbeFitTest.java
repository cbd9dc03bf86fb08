package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.iclab.eval.BootstrapInterval;
import org.junit.jupiter.api.Test;

/**
 * The ridge probe and its scores on synthetic "hidden states": a planted linear map (with a bias) is recovered,
 * targets that carry nothing about the states score about 0, and the controls behave as documented.
 */
class ProbeFitTest {
    private static final int WIDTH = 32;
    private static final int TARGETS = 5;

    private static double[][] gaussian(SplittableRandom rng, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            for (int j = 0; j < cols; j++) {
                r[j] = scale * rng.nextGaussian();
            }
        }
        return m;
    }

    /** t = f·A + c (+ noise), with features of unequal scales and a non-zero mean, as hidden states have. */
    private static double[][] planted(double[][] features, double[][] a, double[] c, double noise, SplittableRandom rng) {
        double[][] t = new double[features.length][TARGETS];
        for (int p = 0; p < features.length; p++) {
            for (int q = 0; q < TARGETS; q++) {
                double v = c[q] + noise * rng.nextGaussian();
                for (int j = 0; j < WIDTH; j++) {
                    v += features[p][j] * a[j][q];
                }
                t[p][q] = v;
            }
        }
        return t;
    }

    private static double[][] states(SplittableRandom rng, int n) {
        double[][] f = gaussian(rng, n, WIDTH, 1);
        for (double[] row : f) {
            for (int j = 0; j < WIDTH; j++) {
                row[j] = row[j] * (0.2 + j * 0.3) + 3; // scales 0.2 .. 9.5, mean 3
            }
        }
        return f;
    }

    @Test
    void recoversAPlantedLinearMap() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] a = gaussian(rng, WIDTH, TARGETS, 0.3);
        double[] c = {1, -2, 0.5, 0, 4};
        double[][] fitStates = states(rng, 400);
        double[][] heldStates = states(rng, 200);
        double[][] fitTargets = planted(fitStates, a, c, 0, rng);
        double[][] heldTargets = planted(heldStates, a, c, 0, rng);
        BootstrapInterval bootstrap = new BootstrapInterval(200, 200, 0.9, 11);

        ProbeFit fit = ProbeFit.fit(fitStates, fitTargets, 1e-9);
        double[][] predicted = fit.predict(heldStates);
        Scores.Scored r2 = Scores.r2(predicted, heldTargets, bootstrap);
        assertThat(r2.score()).isCloseTo(1, within(1e-6));
        assertThat(Scores.cosine(predicted, heldTargets)).isCloseTo(1, within(1e-6));
        for (int p = 0; p < 5; p++) {
            for (int q = 0; q < TARGETS; q++) {
                assertThat(predicted[p][q]).isCloseTo(heldTargets[p][q], within(1e-5));
            }
        }

        // with noise of variance 1 on targets of variance about 24, R² is about 1 - 1/24 and the interval covers it
        double[][] noisyFit = planted(fitStates, a, c, 1, rng);
        double[][] noisyHeld = planted(heldStates, a, c, 1, rng);
        Scores.Scored noisy = Scores.r2(ProbeFit.fit(fitStates, noisyFit, 1e-3).predict(heldStates), noisyHeld, bootstrap);
        double signal = variance(heldTargets);
        assertThat(noisy.score()).isCloseTo(1 - 1 / (signal + 1), within(0.03));
        assertThat(noisy.low()).isLessThanOrEqualTo(noisy.score());
        assertThat(noisy.high()).isGreaterThanOrEqualTo(noisy.score());
    }

    @Test
    void targetsUnrelatedToTheStatesScoreAboutZero() {
        SplittableRandom rng = new SplittableRandom(8);
        double[][] fitStates = states(rng, 1000);
        double[][] heldStates = states(rng, 500);
        double[][] fitNoise = gaussian(rng, 1000, TARGETS, 1);
        double[][] heldNoise = gaussian(rng, 500, TARGETS, 1);
        BootstrapInterval bootstrap = new BootstrapInterval(500, 200, 0.9, 12);
        Scores.Scored r2 = Scores.r2(ProbeFit.fit(fitStates, fitNoise, 1e-3).predict(heldStates), heldNoise, bootstrap);
        // 32 features on 1000 prompts over-fit a little: about -32/1000 in expectation
        assertThat(r2.score()).isBetween(-0.1, 0.02);
        assertThat(r2.low()).isLessThan(0);
    }

    @Test
    void scoresOfTargetsThatDoNotVaryAreUndefined() {
        double[][] constant = new double[10][TARGETS];
        BootstrapInterval bootstrap = new BootstrapInterval(10, 50, 0.9, 13);
        assertThat(Scores.r2(constant, constant, bootstrap).score()).isNaN();
    }

    @Test
    void errorSimilarityIsTheCosineOfErrorVectors() {
        BootstrapInterval bootstrap = new BootstrapInterval(3, 50, 0.9, 14);
        double[] a = {1, 0, 1};
        double[] b = {1, 1, 0};
        assertThat(Scores.errorSimilarity(a, b, bootstrap).score()).isCloseTo(0.5, within(1e-12));
        assertThat(Scores.errorSimilarity(a, a, bootstrap).score()).isCloseTo(1, within(1e-12));
    }

    private static double variance(double[][] t) {
        double total = 0;
        for (int q = 0; q < t[0].length; q++) {
            double mean = 0;
            for (double[] row : t) {
                mean += row[q] / t.length;
            }
            for (double[] row : t) {
                total += (row[q] - mean) * (row[q] - mean) / t.length;
            }
        }
        return total / t[0].length;
    }
}
