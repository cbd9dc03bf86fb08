package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.task.LinearRegression;
import org.junit.jupiter.api.Test;

class GaussianInputsTest {
    @Test
    void isotropicInputsKeepTheirDrawOrder() {
        // Replays the documented order (per prompt: w, then each active coordinate of each input) by hand: seeded
        // results of runs made before the inputs had settings must not move.
        PromptBatch b = new PromptSampler(new LinearRegression(4), new Gaussian(), 99).sample(17, 3, 5, 3);
        SplittableRandom r = new SplittableRandom(17);
        for (int p = 0; p < 3; p++) {
            double[] w = new double[4];
            for (int j = 0; j < 4; j++) {
                w[j] = r.nextGaussian();
            }
            for (int i = 0; i < 5; i++) {
                double y = 0;
                for (int j = 0; j < 3; j++) {
                    float x = (float) r.nextGaussian();
                    assertThat(b.x(p, i, j)).isEqualTo(x);
                    y += w[j] * x;
                }
                assertThat(b.x(p, i, 3)).isZero();
                assertThat(b.y(p, i)).isEqualTo((float) y);
            }
        }
    }

    @Test
    void isotropicScaleAndBiasApplyToTheSameDraws() {
        PromptBatch b = new PromptSampler(new LinearRegression(3), new Gaussian(2, 0.5, Gaussian.ISOTROPIC, null)).sample(4, 2, 3, 2);
        SplittableRandom r = new SplittableRandom(4);
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < 3; j++) {
                r.nextGaussian(); // w
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(b.x(p, i, j)).isEqualTo((float) (2 * r.nextGaussian() + 0.5));
                }
                assertThat(b.x(p, i, 2)).as("inactive coordinates get no bias").isZero();
            }
        }
    }

    @Test
    void skewedCovarianceHasEigenvaluesFallingAsOneOverISquared() {
        int d = 5;
        PromptBatch b = new PromptSampler(new LinearRegression(d), new Gaussian(1, 0, Gaussian.SKEWED, null), 8).sample(1, 4000, 5, d);
        double[] l = Spectra.secondMomentEigenvalues(Spectra.inputs(b));
        double harmonic = 0;
        for (int i = 1; i <= d; i++) {
            harmonic += 1.0 / (i * i);
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            double expected = d / ((i + 1.0) * (i + 1.0) * harmonic); // normalised so that E|x|^2 = d
            assertThat(l[i]).as("eigenvalue " + (i + 1)).isCloseTo(expected, within(0.08 * expected));
            trace += l[i];
        }
        assertThat(trace).isCloseTo(d, within(0.05 * d));
    }

    @Test
    void lowRankInputsSpanRankDirectionsByDefaultHalfTheDimensions() {
        int d = 6;
        PromptBatch two = new PromptSampler(new LinearRegression(d), new Gaussian(1, 0, Gaussian.LOW_RANK, 2), 3).sample(1, 10, 5, d);
        assertThat(Spectra.rank(Spectra.inputs(two), 1e-5)).isEqualTo(2);
        PromptBatch half = new PromptSampler(new LinearRegression(d), new Gaussian(1, 0, Gaussian.LOW_RANK, null), 3).sample(1, 2000, 5, d);
        DMatrixRMaj x = Spectra.inputs(half);
        assertThat(Spectra.rank(x, 1e-5)).isEqualTo(3);
        double[] l = Spectra.secondMomentEigenvalues(x);
        for (int i = 0; i < 3; i++) {
            assertThat(l[i]).as("equal variance on each of the rank directions, E|x|^2 = d").isCloseTo(2.0, within(0.15));
        }
    }

    @Test
    void theTransformIsDrawnOncePerExperimentSeed() {
        int d = 6;
        Gaussian lowRank = new Gaussian(1, 0, Gaussian.LOW_RANK, 2);
        PromptSampler sampler = new PromptSampler(new LinearRegression(d), lowRank, 3);
        // two training steps (two batch seeds) of one experiment share its subspace ...
        DMatrixRMaj both = stack(Spectra.inputs(sampler.sample(1, 4, 5, d)), Spectra.inputs(sampler.sample(2, 4, 5, d)));
        assertThat(Spectra.rank(both, 1e-5)).isEqualTo(2);
        assertThat(Spectra.rank(stack(both, Spectra.inputs(new PromptSampler(new LinearRegression(d), lowRank, 3).sample(9, 4, 5, d))), 1e-5))
                .as("the same experiment seed draws the same transform").isEqualTo(2);
        // ... and another experiment seed draws another one
        PromptSampler other = new PromptSampler(new LinearRegression(d), lowRank, 4);
        assertThat(Spectra.rank(stack(both, Spectra.inputs(other.sample(1, 4, 5, d))), 1e-5)).isEqualTo(4);
    }

    @Test
    void transformedInputsAreScaledShiftedAndCutToTheActiveDimensions() {
        int d = 4;
        PromptSampler plain = new PromptSampler(new LinearRegression(d), new Gaussian(1, 0, Gaussian.SKEWED, null), 5);
        PromptSampler moved = new PromptSampler(new LinearRegression(d), new Gaussian(3, -1, Gaussian.SKEWED, null), 5);
        PromptBatch a = plain.sample(6, 2, 4, 2);
        PromptBatch b = moved.sample(6, 2, 4, 2);
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(a.x(p, i, j)).isNotZero();
                    assertThat((double) b.x(p, i, j)).isCloseTo(3 * a.x(p, i, j) - 1, within(1e-5));
                }
                for (int j = 2; j < d; j++) {
                    assertThat(a.x(p, i, j)).isZero();
                    assertThat(b.x(p, i, j)).isZero();
                }
            }
        }
    }

    @Test
    void randomOrthogonalMatricesAreOrthogonal() {
        DMatrixRMaj q = GaussianInputs.randomOrthogonal(7, new SplittableRandom(1));
        DMatrixRMaj qtq = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(q, q, qtq);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                assertThat(qtq.get(r, c)).isCloseTo(r == c ? 1 : 0, within(1e-12));
            }
        }
    }

    private static DMatrixRMaj stack(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj m = new DMatrixRMaj(a.numRows + b.numRows, a.numCols);
        CommonOps_DDRM.insert(a, m, 0, 0);
        CommonOps_DDRM.insert(b, m, a.numRows, 0);
        return m;
    }
}
