package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {
    @Test
    void quantileInterpolatesLinearlyAsNumpy() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertThat(BootstrapInterval.quantile(sorted, 0)).isEqualTo(1);
        assertThat(BootstrapInterval.quantile(sorted, 1)).isEqualTo(10);
        assertThat(BootstrapInterval.quantile(sorted, 0.5)).isEqualTo(3);
        // numpy.quantile([1,2,3,4,10], 0.9) = 4 + 0.6 * 6 = 7.6
        assertThat(BootstrapInterval.quantile(sorted, 0.9)).isCloseTo(7.6, within(1e-12));
    }

    @Test
    void intervalOfTheMeanMatchesTheNormalApproximation() {
        // Errors ~ N(3, 1): the 90% interval of a mean over 1000 prompts is about 3 ± 1.645/sqrt(1000).
        SplittableRandom rng = new SplittableRandom(1);
        double[][] errors = new double[1000][2];
        for (double[] row : errors) {
            row[0] = 3 + rng.nextGaussian();
            row[1] = 5;
        }
        ErrorCurve c = new BootstrapInterval(1000, 2000, 0.9, 9).curve("standard", "x", errors);
        double half = 1.645 / Math.sqrt(1000);
        assertThat(c.ciLow()[0]).isCloseTo(c.error()[0] - half, within(0.2 * half));
        assertThat(c.ciHigh()[0]).isCloseTo(c.error()[0] + half, within(0.2 * half));
        assertThat(c.error()[1]).isCloseTo(5, within(1e-12));
        assertThat(c.ciLow()[1]).isCloseTo(5, within(1e-12));
        assertThat(c.ciHigh()[1]).isCloseTo(5, within(1e-12));
    }
}
