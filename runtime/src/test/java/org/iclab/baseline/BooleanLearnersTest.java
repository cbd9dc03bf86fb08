package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.iclab.spec.baseline.Elimination;
import org.iclab.spec.baseline.GaussianElimination;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.task.Parity;
import org.iclab.spec.baseline.Perceptron;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/** The Boolean classes' own learners on prompts worked out by hand, and Gaussian elimination's exactness. */
class BooleanLearnersTest {
    private static void assertPrefixesAgreeWithPredictAt(Learner learner, PromptBatch b) {
        double[] all = learner.predictPrefixes(b, 0);
        for (int k = 0; k < b.points(); k++) {
            assertThat(learner.predictAt(b, 0, k)).as("k = %d", k).isEqualTo(all[k]);
        }
    }

    @Test
    void eliminationKeepsTheLiteralsNoPositiveExampleFalsifies() {
        // target x0 ∧ ¬x2 on three coordinates
        PromptBatch b = Prompts.of(new double[][] {{1, 1, -1}, {1, -1, -1}, {-1, 1, -1}, {1, 1, -1}}, new double[] {1, 1, -1, 1});
        Learner learner = Learner.of(new Elimination());
        // k=0: every literal is kept, so nothing satisfies the hypothesis; k=1: x0 ∧ x1 ∧ ¬x2 rejects (1, −1, −1);
        // k=2: x0 ∧ ¬x2 (the target) rejects (−1, 1, −1); k=3 accepts (1, 1, −1)
        assertThat(learner.predictPrefixes(b, 0)).containsExactly(-1, -1, -1, 1);
        assertPrefixesAgreeWithPredictAt(learner, b);
    }

    @Test
    void eliminationForDisjunctionsDropsTheLiteralsANegativeExampleSatisfies() {
        // target x0 ∨ ¬x2
        PromptBatch b = Prompts.of(new double[][] {{-1, 1, 1}, {-1, -1, 1}, {-1, -1, -1}, {1, 1, 1}}, new double[] {-1, -1, 1, 1});
        Learner learner = Learner.of(new Elimination(Elimination.DISJUNCTION));
        // k=0: every literal kept, so every input satisfies one; k=1: x0 ∨ ¬x1 ∨ ¬x2 accepts (−1, −1, 1) through ¬x1;
        // k=2: x0 ∨ ¬x2 accepts (−1, −1, −1) through ¬x2; k=3 accepts (1, 1, 1) through x0
        assertThat(learner.predictPrefixes(b, 0)).containsExactly(1, 1, 1, 1);
        assertPrefixesAgreeWithPredictAt(learner, b);
    }

    @Test
    void gaussianEliminationSolvesTheParityOverGf2() {
        // target: parity of coordinates {0, 2}; b = (x + 1) / 2
        PromptBatch b = Prompts.of(new double[][] {{1, -1, -1}, {-1, 1, -1}, {1, 1, 1}, {-1, -1, 1}, {1, 1, -1}},
                new double[] {1, -1, -1, 1, 1});
        Learner learner = Learner.of(new GaussianElimination());
        // k=0: the empty solution predicts even (−1); k=1: (0,1,0) is outside span{(1,0,0)}: free coordinates 0 → −1;
        // k=2: (1,1,1) reduces to (0,0,1) with label bit 1 and coordinate 2 is free → +1 (wrong);
        // k=3: the basis spans GF(2)^3, so (0,0,1) → +1 and (1,1,0) → +1 exactly
        assertThat(learner.predictPrefixes(b, 0)).containsExactly(-1, -1, 1, 1, 1);
        assertPrefixesAgreeWithPredictAt(learner, b);
    }

    @Test
    void gaussianEliminationIsExactWheneverTheEarlierExamplesSpanTheCube() {
        int n = 8;
        PromptBatch b = new PromptSampler(new Parity(n), new Hypercube()).sample(11, 200, 24, n);
        Learner learner = Learner.of(new GaussianElimination());
        int spanned = 0;
        for (int p = 0; p < b.batch(); p++) {
            double[] predictions = learner.predictPrefixes(b, p);
            for (int k = 1; k < b.points(); k++) {
                if (rank(b, p, k, n) == n) {
                    spanned++;
                    assertThat(predictions[k]).as("prompt %d, k = %d", p, k).isEqualTo(b.y(p, k));
                }
            }
        }
        assertThat(spanned).isGreaterThan(200 * 10);
    }

    /** The GF(2) rank of the bits of rows 0..k−1 of prompt p, by elimination on ints (independent of the learner). */
    private static int rank(PromptBatch b, int p, int k, int n) {
        int[] basis = new int[n];
        int rank = 0;
        for (int i = 0; i < k; i++) {
            int row = 0;
            for (int c = 0; c < n; c++) {
                row |= (b.x(p, i, c) > 0 ? 1 : 0) << c;
            }
            for (int c = n - 1; c >= 0 && row != 0; c--) {
                if ((row >>> c & 1) == 0) {
                    continue;
                }
                if (basis[c] == 0) {
                    basis[c] = row;
                    rank++;
                    row = 0;
                } else {
                    row ^= basis[c];
                }
            }
        }
        return rank;
    }

    @Test
    void thePerceptronsFirstUpdateIsTheFirstExample() {
        PromptBatch b = Prompts.of(new double[][] {{1, 1, -1}, {-1, -1, 1}}, new double[] {1, -1});
        // w = 0, b = 0 errs on the first example (score 0): w = (1, 1, −1), b = 1; then it is consistent;
        // at (−1, −1, 1): −1 − 1 − 1 + 1 = −2
        assertThat(Learner.of(new Perceptron()).predictAt(b, 0, 1)).isEqualTo(-2.0);
    }

    @Test
    void thePerceptronSeparatesTheMajorityOfThree() {
        double[][] x = new double[16][];
        double[] y = new double[16];
        for (int i = 0; i < 16; i++) {
            int v = i % 8;
            x[i] = new double[] {(v & 1) != 0 ? 1 : -1, (v & 2) != 0 ? 1 : -1, (v & 4) != 0 ? 1 : -1};
            y[i] = Math.signum(x[i][0] + x[i][1] + x[i][2]);
        }
        PromptBatch b = Prompts.of(x, y);
        double[] predictions = Learner.of(new Perceptron()).predictPrefixes(b, 0);
        for (int k = 8; k < 16; k++) {
            assertThat(Math.signum(predictions[k])).as("k = %d", k).isEqualTo(y[k]);
        }
        // with a single pass the cube's first eight points do not all end up separated
        double[] onePass = Learner.of(new Perceptron(1)).predictPrefixes(b, 0);
        assertThat(java.util.stream.IntStream.range(8, 16).filter(k -> Math.signum(onePass[k]) != y[k]).count()).isPositive();
    }
}
