package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.task.LinearRegression;
import org.junit.jupiter.api.Test;

class PromptSamplerTest {
    private final PromptSampler sampler = new PromptSampler(new LinearRegression(6, 2.0), new Gaussian());

    @Test
    void sameSeedSameBatchOtherSeedOtherBatch() {
        PromptBatch a = sampler.sample(7, 4, 5, 6);
        assertThat(sampler.sample(7, 4, 5, 6)).usingRecursiveComparison().isEqualTo(a);
        assertThat(sampler.sample(8, 4, 5, 6).xs()).isNotEqualTo(a.xs());
    }

    @Test
    void curriculumZeroesInactiveDimensions() {
        PromptBatch b = sampler.sample(1, 8, 5, 2);
        for (int p = 0; p < 8; p++) {
            for (int i = 0; i < 5; i++) {
                assertThat(b.x(p, i, 0)).isNotZero();
                for (int j = 2; j < 6; j++) {
                    assertThat(b.x(p, i, j)).isZero();
                }
            }
        }
    }

    @Test
    void eachPromptIsOneLinearFunctionScaled() {
        // With 6 independent inputs per prompt in 6 dims, w is recovered exactly from the first 6 points and must
        // predict the rest: the prompt is one linear function, not a fresh one per point.
        PromptBatch b = sampler.sample(3, 2, 9, 6);
        for (int p = 0; p < 2; p++) {
            double[][] x = new double[6][6];
            double[] y = new double[6];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    x[i][j] = b.x(p, i, j);
                }
                y[i] = b.y(p, i);
            }
            double[] w = GaussJordan.solve(x, y);
            for (int i = 6; i < 9; i++) {
                double pred = 0;
                for (int j = 0; j < 6; j++) {
                    pred += w[j] * b.x(p, i, j);
                }
                assertThat(pred).isCloseTo(b.y(p, i), within(1e-3));
            }
        }
    }

    @Test
    void inputsAreStandardNormalAndOutputsHaveVarianceScaleSquaredTimesD() {
        PromptBatch b = sampler.sample(11, 2000, 10, 6);
        double sum = 0;
        double sq = 0;
        for (float v : b.xs()) {
            sum += v;
            sq += v * v;
        }
        int n = b.xs().length;
        assertThat(sum / n).isCloseTo(0, within(0.02));
        assertThat(sq / n).isCloseTo(1, within(0.02));
        double ySq = 0;
        for (float v : b.ys()) {
            ySq += v * v;
        }
        // Var(y) = scale² · E||w||² = 4 · 6.
        assertThat(ySq / b.ys().length).isCloseTo(24, within(1.5));
    }

    @Test
    void derivedSeedsDifferAcrossStreamsAndSteps() {
        long a = Seeds.derive(1, Seeds.Stream.TRAIN, 5);
        assertThat(a).isEqualTo(Seeds.derive(1, Seeds.Stream.TRAIN, 5))
                .isNotEqualTo(Seeds.derive(1, Seeds.Stream.TRAIN, 6))
                .isNotEqualTo(Seeds.derive(1, Seeds.Stream.EVAL, 5))
                .isNotEqualTo(Seeds.derive(2, Seeds.Stream.TRAIN, 5));
    }

}
