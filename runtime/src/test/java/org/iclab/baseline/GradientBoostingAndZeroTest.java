package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.iclab.spec.GradientBoosting;
import org.iclab.spec.Zero;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

class GradientBoostingAndZeroTest {
    @Test
    void boostingFitsASeparableStepFunction() {
        PromptBatch b = Prompts.gaussian(31, 3, 41, 3, x -> x[1] > 0.3 ? 2 : -1);
        GradientBoostingLearner learner = (GradientBoostingLearner) Learner.of(new GradientBoosting());
        int d = b.dims();
        for (int p = 0; p < b.batch(); p++) {
            int base = p * b.points();
            int k = 40;
            float[] x = Arrays.copyOfRange(b.xs(), base * d, (base + k) * d);
            float[] y = Arrays.copyOfRange(b.ys(), base, base + k);
            for (int i = 0; i < k; i++) {
                // every training example is predicted: 100 rounds of shrunken Newton steps leave a residual of ~1e-6
                float[] query = Arrays.copyOfRange(x, i * d, (i + 1) * d);
                assertThat(learner.fitAndPredict(x, y, k, d, query)).as("prompt %d example %d", p, i).isCloseTo(y[i], within(1e-2));
            }
            // far from the step, new inputs too
            assertThat(learner.fitAndPredict(x, y, k, d, new float[] {0, 2.5f, 0})).isCloseTo(2, within(1e-2));
            assertThat(learner.fitAndPredict(x, y, k, d, new float[] {0, -2.5f, 0})).isCloseTo(-1, within(1e-2));
        }
    }

    @Test
    void boostingIsDeterministicAndStartsFromTheLabelsMean() {
        PromptBatch b = Prompts.gaussian(32, 3, 12, 4, x -> x[0] * x[1] - x[2]);
        Learner boosting = Learner.of(new GradientBoosting(20, 3, 0.3));
        double[][] serial = IntStream.range(0, b.batch()).mapToObj(p -> boosting.predictPrefixes(b, p)).toArray(double[][]::new);
        double[][] parallel = IntStream.range(0, b.batch()).parallel().mapToObj(p -> boosting.predictPrefixes(b, p)).toArray(double[][]::new);
        assertThat(parallel).isDeepEqualTo(serial);
        for (int p = 0; p < b.batch(); p++) {
            assertThat(serial[p][0]).isZero();
            // one example: base_score is estimated as its y and no split is possible
            assertThat(serial[p][1]).isCloseTo(b.y(p, 0), within(1e-5));
            assertThat(boosting.predictAt(b, p, 7)).isEqualTo(serial[p][7]);
        }
        // fewer rounds fit less: the training example's error shrinks with rounds
        GradientBoostingLearner few = (GradientBoostingLearner) Learner.of(new GradientBoosting(2, 3, 0.3));
        GradientBoostingLearner many = (GradientBoostingLearner) Learner.of(new GradientBoosting(50, 3, 0.3));
        float[] x = Arrays.copyOfRange(b.xs(), 0, 11 * 4);
        float[] y = Arrays.copyOfRange(b.ys(), 0, 11);
        float[] q = Arrays.copyOfRange(x, 0, 4);
        assertThat(Math.abs(many.fitAndPredict(x, y, 11, 4, q) - y[0])).isLessThan(Math.abs(few.fitAndPredict(x, y, 11, 4, q) - y[0]));
    }

    @Test
    void zeroPredictsZero() {
        PromptBatch b = Prompts.gaussian(33, 2, 5, 2, x -> 1 + x[0]);
        Learner zero = Learner.of(new Zero());
        assertThat(zero.predictPrefixes(b, 1)).containsExactly(0, 0, 0, 0, 0);
        assertThat(zero.predictAt(b, 0, 3)).isZero();
    }
}
