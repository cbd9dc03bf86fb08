package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

class LearnerTest {
    /** One prompt, d = 2: x and y written out by hand. */
    private static final PromptBatch HAND = new PromptBatch(1, 4, 2,
            new float[] {1, 0, 0, 2, 3, 0, 1, 1},
            new float[] {2, -2, 3, 9});

    @Test
    void averagingMatchesHandWorkedValues() {
        double[] p = Learner.of(new Averaging()).predictPrefixes(HAND, 0);
        // k=1: w = y0 x0 = (2, 0) -> x1 = (0, 2): 0.
        // k=2: w = ((2,0) + (-2)(0,2)) / 2 = (1, -2) -> x2 = (3, 0): 3.
        // k=3: w = ((2,0) + (0,-4) + 3(3,0)) / 3 = (11/3, -4/3) -> x3 = (1, 1): 7/3.
        assertThat(p).containsExactly(new double[] {0, 0, 3, 7.0 / 3}, within(1e-12));
    }

    @Test
    void nearestNeighborsMatchesHandWorkedValues() {
        double[] p1 = Learner.of(new NearestNeighbors(1)).predictPrefixes(HAND, 0);
        // k=1: only x0 -> 2. k=2: x2=(3,0) is nearer x0 (dist 2) than x1 (dist sqrt 13) -> 2.
        // k=3: x3=(1,1): to x0 dist 1, x1 dist sqrt 2, x2 dist sqrt 5 -> 2.
        assertThat(p1).containsExactly(new double[] {0, 2, 2, 2}, within(1e-12));
        double[] p2 = Learner.of(new NearestNeighbors(2)).predictPrefixes(HAND, 0);
        // k=1: one neighbour available -> 2; k=2: mean(2, -2) = 0; k=3: x0 and x1 -> 0.
        assertThat(p2).containsExactly(new double[] {0, 2, 0, 0}, within(1e-12));
        double[] p3 = Learner.of(new NearestNeighbors(3)).predictPrefixes(HAND, 0);
        assertThat(p3[3]).isCloseTo((2 - 2 + 3) / 3.0, within(1e-12));
    }

    @Test
    void leastSquaresIsTheMinimumNormSolutionBelowDAndExactFromD() {
        double[] p = Learner.of(new LeastSquares()).predictPrefixes(HAND, 0);
        // k=1: min-norm w through x0=(1,0), y0=2 is (2, 0) -> x1=(0,2): 0.
        // k=2: x0, x1 determine w = (2, -1) -> x2=(3,0): 6; k=3: least squares over three points:
        //   X = [[1,0],[0,2],[3,0]], y = [2,-2,3]: w1 = (2 + 9)/10 = 1.1, w2 = -1 -> x3=(1,1): 0.1.
        assertThat(p).containsExactly(new double[] {0, 0, 6, 0.1}, within(1e-9));
    }

    /**
     * The incremental factorisation of every prefix gives the pseudo-inverse's minimum-norm least squares of each k,
     * also where the inputs do not span the space (half the coordinates zero, repeated inputs) and y is noisy.
     */
    @Test
    void leastSquaresPrefixesAreThePseudoInversesAtEveryK() {
        Learner ls = Learner.of(new LeastSquares());
        java.util.Random random = new java.util.Random(5);
        for (int[] shape : new int[][] {{20, 41}, {5, 11}, {8, 17}}) {
            int d = shape[0];
            int n = shape[1];
            for (String kind : new String[] {"full", "subspace", "repeated"}) {
                int prompts = 6;
                float[] xs = new float[prompts * n * d];
                float[] ys = new float[prompts * n];
                for (int i = 0; i < prompts * n; i++) {
                    int row = kind.equals("repeated") && i % n >= 2 && i % 3 == 0 ? i - 1 : i; // some inputs repeat the one before
                    for (int j = 0; j < d; j++) {
                        xs[i * d + j] = row != i ? xs[row * d + j] : kind.equals("subspace") && j % 2 == 1 ? 0f : (float) random.nextGaussian();
                    }
                    ys[i] = (float) random.nextGaussian();
                }
                PromptBatch batch = new PromptBatch(prompts, n, d, xs, ys);
                for (int prompt = 0; prompt < prompts; prompt++) {
                    double[] prefixes = ls.predictPrefixes(batch, prompt);
                    for (int k = 0; k < n; k++) {
                        double expected = ls.predictAt(batch, prompt, k);
                        assertThat(prefixes[k]).as(kind + " d=" + d + " prompt " + prompt + " k=" + k)
                                .isCloseTo(expected, within(1e-8 * Math.max(1, Math.abs(expected))));
                    }
                }
            }
        }
    }

    @Test
    void leastSquaresRecoversNoiselessLinearFunctionsOnceKReachesD() {
        int d = 4;
        PromptBatch batch = new PromptSampler(new LinearRegression(d), new Gaussian()).sample(42, 20, 9, d);
        Learner ls = Learner.of(new LeastSquares());
        for (int prompt = 0; prompt < batch.batch(); prompt++) {
            double[] p = ls.predictPrefixes(batch, prompt);
            for (int k = d; k < 9; k++) {
                assertThat(p[k]).isCloseTo(batch.y(prompt, k), within(1e-3));
            }
            // Below d the function is not determined: the prediction is generally wrong.
            assertThat(Math.abs(p[1] - batch.y(prompt, 1))).isGreaterThan(0.0);
        }
    }
}
