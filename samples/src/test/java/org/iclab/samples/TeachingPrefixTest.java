package org.iclab.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

/** Offsets are counted from each prompt's own prefix end, read from its first example. */
class TeachingPrefixTest {
    @Test
    void countsFromTheEndOfEachPromptsPrefix() {
        // prompt 0: first example has one +1 (m = 1, prefix of 2); prompt 1: two +1 (m = 2, prefix of 3); 5 points, d = 3
        float[] xs = new float[2 * 5 * 3];
        java.util.Arrays.fill(xs, -1f);
        xs[0] = 1f;
        xs[15] = 1f;
        xs[16] = 1f;
        float[] ys = {1, -1, 1, 1, -1, 1, -1, -1, 1, 1};
        PromptBatch b = new PromptBatch(2, 5, 3, xs, ys);
        // predictions: prompt 0 right at k = 2, wrong at k = 3, right at 4; prompt 1 right at k = 3, right at 4
        float[] pred = {0, 0, 0.5f, -0.5f, -2, 0, 0, 0, 3, 1};
        long[][] c = TeachingPrefix.count(b, pred, 3);
        assertThat(c[1]).containsExactly(2, 2, 1); // offset 2 exists only for prompt 0 (k = 4)
        assertThat(c[0]).containsExactly(2, 1, 1);
        double[] ci = TeachingPrefix.wilson(45, 50);
        assertThat(ci[0]).isCloseTo(0.80846, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.95047, within(1e-4));
    }
}
