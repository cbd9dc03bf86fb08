package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.iclab.spec.task.DecisionTree;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.task.LinearClassification;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.task.NoisyLinearRegression;
import org.iclab.spec.task.QuadraticRegression;
import org.iclab.spec.task.ReluNetwork;
import org.iclab.spec.task.SparseLinearRegression;
import org.iclab.spec.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Garg et al.'s function classes against independent computations: parameters rebuilt by replaying the prompt's
 * seeded generator in the documented draw order (or recovered from the prompt by solving for them), then y worked
 * out here for drawn or planted inputs.
 */
class FunctionClassesTest {
    private static PromptSampler sampler(Task task) {
        return new PromptSampler(task, new Gaussian());
    }

    private static double[] gaussians(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static void skipGaussians(SplittableRandom rng, int n) {
        for (int i = 0; i < n; i++) {
            rng.nextGaussian();
        }
    }

    // ---- linear regression: the draw order every other class builds on ------------------------------------------

    @Test
    void linearRegressionStillDrawsWThenInputsAndNothingPerPoint() {
        // Pins the order existing seeded results depend on: per prompt d draws of w, then points x active draws of x.
        int dims = 4;
        int active = 3;
        PromptBatch b = sampler(new LinearRegression(dims, 1.5)).sample(21, 3, 5, active);
        SplittableRandom rng = new SplittableRandom(21);
        for (int p = 0; p < 3; p++) {
            double[] w = gaussians(rng, dims);
            for (int i = 0; i < 5; i++) {
                double dot = 0;
                for (int j = 0; j < active; j++) {
                    float x = (float) rng.nextGaussian();
                    assertThat(b.x(p, i, j)).isEqualTo(x);
                    dot += w[j] * x;
                }
                assertThat(b.y(p, i)).isEqualTo((float) (1.5 * dot));
            }
        }
    }

    // ---- sparse linear regression -------------------------------------------------------------------------------

    @Test
    void sparseWKeepsExactlySparsityActiveCoordinatesOfTheFirstDrawnW() {
        int dims = 7;
        int active = 5;
        int sparsity = 2;
        double scale = 2.0;
        PromptBatch b = sampler(new SparseLinearRegression(dims, sparsity, scale)).sample(5, 40, active + 3, active);
        SplittableRandom replay = new SplittableRandom(5);
        for (int p = 0; p < b.batch(); p++) {
            double[] w = recover(b, p, active);
            int nonZero = 0;
            double[] drawn = gaussians(replay, dims); // w ~ N(0, I_d) is drawn first, then masked
            for (int j = 0; j < active; j++) {
                if (Math.abs(w[j]) > 1e-4) {
                    nonZero++;
                    assertThat(w[j]).as("prompt %d, w[%d]", p, j).isCloseTo(scale * drawn[j], within(1e-3));
                }
            }
            assertThat(nonZero).as("non-zeros of prompt %d", p).isEqualTo(sparsity);
            assertPredicts(b, p, w, active);
            // the replay must now skip the mask's draws and the inputs: sparsity nextInt and points x active gaussians
            for (int i = 0; i < sparsity; i++) {
                replay.nextInt(active - i);
            }
            skipGaussians(replay, b.points() * active);
        }
    }

    @Test
    void sparseCoordinatesAreUniformOverTheActiveOnes() {
        int active = 5;
        int prompts = 3000;
        PromptBatch b = sampler(new SparseLinearRegression(8, 2, 1.0)).sample(9, prompts, active, active);
        int[] kept = new int[active];
        for (int p = 0; p < prompts; p++) {
            double[] w = recover(b, p, active);
            for (int j = 0; j < active; j++) {
                if (Math.abs(w[j]) > 1e-4) {
                    kept[j]++;
                }
            }
        }
        // each coordinate is kept with probability 2/5: 1200 of 3000, binomial sd ~27
        for (int j = 0; j < active; j++) {
            assertThat(kept[j]).as("prompts keeping coordinate %d", j).isBetween(1100, 1300);
        }
    }

    @Test
    void sparseKeepsEveryActiveCoordinateWhenFewerThanSparsityAreActive() {
        // Garg et al.: randperm(valid_coords)[:sparsity] keeps all valid coordinates when there are fewer.
        PromptBatch b = sampler(new SparseLinearRegression(6, 3, 1.0)).sample(2, 20, 4, 2);
        for (int p = 0; p < 20; p++) {
            double[] w = recover(b, p, 2);
            assertThat(Math.abs(w[0])).isGreaterThan(1e-6);
            assertThat(Math.abs(w[1])).isGreaterThan(1e-6);
            assertPredicts(b, p, w, 2);
        }
        assertThat(new SparseLinearRegression(6, 3, 1.0).errorScale()).isEqualTo(3);
    }

    // ---- noisy linear regression --------------------------------------------------------------------------------

    @Test
    void noiseIsAddedPerPointWithVarianceNoiseSquared() {
        // One prompt: w and x are drawn as for plain linear regression, so y_noisy − y_clean is the noise alone.
        int points = 4000;
        PromptBatch clean = sampler(new LinearRegression(5, 1.0)).sample(17, 1, points, 5);
        PromptBatch noisy = sampler(new NoisyLinearRegression(5, 0.5, false, 1.0)).sample(17, 1, points, 5);
        assertThat(noisy.xs()).isEqualTo(clean.xs());
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < points; i++) {
            double r = noisy.y(0, i) - clean.y(0, i);
            sum += r;
            sq += r * r;
        }
        double mean = sum / points;
        assertThat(mean).isCloseTo(0, within(0.03)); // sd of the mean 0.5 / sqrt(4000) = 0.008
        assertThat(sq / points - mean * mean).isCloseTo(0.25, within(0.025));
        assertThat(new NoisyLinearRegression(5).noise()).isEqualTo(1.0);
        assertThat(new NoisyLinearRegression(5).errorScale()).isEqualTo(5);
    }

    @Test
    void renormalizingMultipliesByTheExactPopulationFactor() {
        // d = 8, 3 active, scale 2, noise 0.5: Var(y) = 4 · 3 + 0.25, so y is multiplied by sqrt(8 / 12.25).
        PromptBatch plain = sampler(new NoisyLinearRegression(8, 0.5, false, 2.0)).sample(4, 6, 5, 3);
        PromptBatch renormalized = sampler(new NoisyLinearRegression(8, 0.5, true, 2.0)).sample(4, 6, 5, 3);
        double factor = Math.sqrt(8 / 12.25);
        for (int i = 0; i < plain.ys().length; i++) {
            assertThat((double) renormalized.ys()[i]).isCloseTo(factor * plain.ys()[i], within(1e-5 * (1 + Math.abs(plain.ys()[i]))));
        }
    }

    @Test
    void renormalizedOutputsHaveVarianceDAtEveryCurriculumStage() {
        for (int active : new int[] {3, 8}) {
            PromptBatch b = sampler(new NoisyLinearRegression(8, 0.5, true, 2.0)).sample(31, 4000, 5, active);
            double sq = 0;
            for (float y : b.ys()) {
                sq += y * y;
            }
            assertThat(sq / b.ys().length).as("E[y²] with %d active", active).isCloseTo(8, within(0.5));
        }
    }

    // ---- linear classification ----------------------------------------------------------------------------------

    @Test
    void labelsAreTheSignOfWDotX() {
        int dims = 4;
        int active = 3;
        PromptBatch b = sampler(new LinearClassification(dims)).sample(13, 50, 7, active);
        SplittableRandom replay = new SplittableRandom(13);
        int positive = 0;
        for (int p = 0; p < b.batch(); p++) {
            double[] w = gaussians(replay, dims);
            skipGaussians(replay, b.points() * active);
            for (int i = 0; i < b.points(); i++) {
                double dot = 0;
                for (int j = 0; j < dims; j++) {
                    dot += w[j] * b.x(p, i, j);
                }
                float y = b.y(p, i);
                assertThat(y).isIn(-1f, 1f);
                assertThat(y).isEqualTo(dot >= 0 ? 1f : -1f);
                positive += y > 0 ? 1 : 0;
            }
        }
        assertThat(positive).isBetween(100, 250); // of 350, about half
        assertThat(new LinearClassification(dims).classification()).isTrue();
    }

    @Test
    void signOfZeroIsPlusOne() {
        TaskFunction f = sampler(new LinearClassification(3)).drawFunction(new SplittableRandom(1), 3);
        assertThat(f.apply(new float[3], 0)).isEqualTo(1.0);
    }

    // ---- quadratic regression -----------------------------------------------------------------------------------

    @Test
    void quadraticIsSumOfWTimesXSquaredOverRootThreeAndEven() {
        int dims = 5;
        double scale = 1.5;
        TaskFunction f = sampler(new QuadraticRegression(dims, scale)).drawFunction(new SplittableRandom(8), dims);
        double[] w = gaussians(new SplittableRandom(8), dims);
        float[] x = {0.5f, -1.25f, 2f, 0f, -0.75f};
        float[] minusX = new float[dims];
        double expected = 0;
        for (int j = 0; j < dims; j++) {
            minusX[j] = -x[j];
            expected += w[j] * x[j] * x[j];
        }
        expected *= scale / Math.sqrt(3);
        assertThat(f.apply(x, 0)).isCloseTo(expected, within(1e-12));
        assertThat(f.apply(minusX, 0)).isEqualTo(f.apply(x, 0));
        // in a drawn batch too: only the first active coordinates count
        PromptBatch b = sampler(new QuadraticRegression(dims, scale)).sample(8, 1, 4, 2);
        for (int i = 0; i < 4; i++) {
            double y = (w[0] * b.x(0, i, 0) * b.x(0, i, 0) + w[1] * b.x(0, i, 1) * b.x(0, i, 1)) * scale / Math.sqrt(3);
            assertThat((double) b.y(0, i)).isCloseTo(y, within(1e-5));
        }
    }

    // ---- ReLU networks ------------------------------------------------------------------------------------------

    @Test
    void reluNetworkMatchesItsReplayedWeightsAndIsPositivelyHomogeneous() {
        int dims = 3;
        int hidden = 4;
        double scale = 2.0;
        TaskFunction f = sampler(new ReluNetwork(dims, hidden, scale)).drawFunction(new SplittableRandom(6), dims);
        SplittableRandom replay = new SplittableRandom(6);
        double[][] w1 = new double[dims][];
        for (int i = 0; i < dims; i++) {
            w1[i] = gaussians(replay, hidden); // row-major [dims, hidden]
        }
        double[] w2 = gaussians(replay, hidden);
        float[] x = {0.3f, -1.1f, 0.8f};
        double expected = 0;
        int activeUnits = 0;
        for (int j = 0; j < hidden; j++) {
            double pre = w1[0][j] * x[0] + w1[1][j] * x[1] + w1[2][j] * x[2];
            if (pre > 0) {
                expected += w2[j] * pre;
                activeUnits++;
            }
        }
        expected *= scale * Math.sqrt(2.0 / hidden);
        assertThat(activeUnits).as("the planted input must switch some units on and some off").isBetween(1, hidden - 1);
        assertThat(f.apply(x, 0)).isCloseTo(expected, within(1e-12));
        float[] doubled = {0.3f * 2, -1.1f * 2, 0.8f * 2}; // exact in float
        assertThat(f.apply(doubled, 0)).isCloseTo(2 * f.apply(x, 0), within(1e-12));
        float[] scaled = {0.3f * 2.5f, -1.1f * 2.5f, 0.8f * 2.5f}; // rounded to float: relative error ~1e-7
        assertThat(f.apply(scaled, 0)).isCloseTo(2.5 * f.apply(x, 0), within(1e-6 * Math.abs(f.apply(x, 0))));
        float[] minus = {-0.3f, 1.1f, -0.8f};
        assertThat(f.apply(minus, 0)).as("not odd: relu is only positively homogeneous").isNotCloseTo(-f.apply(x, 0), within(1e-6));
    }

    @Test
    void reluNetworkOutputsHaveVarianceScaleSquaredTimesD() {
        // E[y²] = scale² · (2 / h) · h · E[relu(u)²] with u ~ N(0, |x|²): E[relu(u)²] = E|x|² / 2 = d / 2, so scale² · d.
        PromptBatch b = sampler(new ReluNetwork(4, 20, 1.5)).sample(12, 3000, 5, 4);
        double sq = 0;
        for (float y : b.ys()) {
            sq += y * y;
        }
        assertThat(sq / b.ys().length).isCloseTo(2.25 * 4, within(0.9));
        assertThat(new ReluNetwork(4).hidden()).isEqualTo(100);
    }

    // ---- decision trees -----------------------------------------------------------------------------------------

    @Test
    void treeFollowsItsSplitPathOnPlantedInputs() {
        int dims = 5;
        int depth = 3;
        TaskFunction f = sampler(new DecisionTree(dims, depth)).drawFunction(new SplittableRandom(44), dims);
        SplittableRandom replay = new SplittableRandom(44);
        int[] split = new int[7];
        for (int n = 0; n < 7; n++) {
            split[n] = replay.nextInt(dims);
        }
        double[] leaves = gaussians(replay, 8);
        SplittableRandom inputs = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            float[] x = new float[dims];
            for (int j = 0; j < dims; j++) {
                x[j] = (float) inputs.nextGaussian();
            }
            // walk the tree by levels: at each level the path's bits so far say where we are
            int path = 0;
            for (int level = 0; level < depth; level++) {
                int node = (1 << level) - 1 + path;
                path = 2 * path + (x[split[node]] > 0 ? 1 : 0);
            }
            assertThat(f.apply(x, 0)).as("trial %d", trial).isEqualTo(leaves[path]);
        }
    }

    @Test
    void treeTakesAtMostTwoToTheDepthValuesAndOnlyTheSignsOfXMatter() {
        int depth = 2;
        PromptBatch b = sampler(new DecisionTree(6, depth)).sample(10, 30, 60, 6);
        SplittableRandom rescale = new SplittableRandom(1);
        for (int p = 0; p < b.batch(); p++) {
            Set<Float> values = new HashSet<>();
            for (int i = 0; i < b.points(); i++) {
                values.add(b.y(p, i));
            }
            assertThat(values.size()).as("distinct y of prompt %d", p).isLessThanOrEqualTo(1 << depth);
        }
        TaskFunction f = sampler(new DecisionTree(6, 4)).drawFunction(new SplittableRandom(77), 6);
        for (int trial = 0; trial < 100; trial++) {
            float[] x = new float[6];
            float[] sameSigns = new float[6];
            for (int j = 0; j < 6; j++) {
                x[j] = (float) rescale.nextGaussian();
                sameSigns[j] = x[j] * (float) (0.1 + 5 * rescale.nextDouble());
            }
            assertThat(f.apply(sameSigns, 0)).isEqualTo(f.apply(x, 0));
        }
        assertThat(new DecisionTree(6).depth()).isEqualTo(4);
        assertThat(new DecisionTree(6).errorScale()).isEqualTo(1);
    }

    @Test
    void treeLeafValuesAreStandardNormal() {
        PromptBatch b = sampler(new DecisionTree(5, 4)).sample(19, 3000, 3, 5);
        double sum = 0;
        double sq = 0;
        for (float y : b.ys()) {
            sum += y;
            sq += y * y;
        }
        int n = b.ys().length;
        assertThat(sum / n).isCloseTo(0, within(0.06));
        assertThat(sq / n).isCloseTo(1, within(0.1));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** w (over the first {@code active} coordinates) solved from the prompt's first {@code active} points. */
    private static double[] recover(PromptBatch b, int p, int active) {
        double[][] x = new double[active][active];
        double[] y = new double[active];
        for (int i = 0; i < active; i++) {
            for (int j = 0; j < active; j++) {
                x[i][j] = b.x(p, i, j);
            }
            y[i] = b.y(p, i);
        }
        return GaussJordan.solve(x, y);
    }

    /** The remaining points of the prompt follow the same w: it is one linear function per prompt. */
    private static void assertPredicts(PromptBatch b, int p, double[] w, int active) {
        for (int i = active; i < b.points(); i++) {
            double pred = 0;
            for (int j = 0; j < active; j++) {
                pred += w[j] * b.x(p, i, j);
            }
            assertThat(pred).isCloseTo(b.y(p, i), within(1e-3 * (1 + Math.abs(pred))));
        }
    }

}
