package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.GradientDescentNet;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

class GradientDescentNetLearnerTest {
    /** A planted two-layer ReLU network in 4 dimensions with 6 hidden units. */
    private static double planted(double[] x) {
        double[][] w = {{1, -1, 0.5, 0}, {0, 1, 1, -1}, {-1, 0, 1, 0.5}, {0.5, 0.5, -1, 1}, {1, 1, 0, 0}, {0, -0.5, 0, 1}};
        double[] a = {1.5, -1, 1, 0.8, -0.7, 1.2};
        double y = 0;
        for (int u = 0; u < w.length; u++) {
            double pre = 0;
            for (int c = 0; c < x.length; c++) {
                pre += w[u][c] * x[c];
            }
            y += a[u] * Math.max(pre, 0);
        }
        return y;
    }

    private static GradientDescentNetLearner.Net net(PromptBatch b, int hidden, long seed) {
        GradientDescentNetLearner.Net net = new GradientDescentNetLearner.Net(b.dims(), hidden, b.points());
        net.load(b, 0);
        net.init(new SplittableRandom(seed));
        return net;
    }

    /** The network's output computed from its parameters in double, independently of the learner's loops. */
    private static double forward(GradientDescentNetLearner.Net net, double[] x) {
        // parameters in the order W1 (row c holds input c's weights to every hidden unit), b1, w2, b2
        int d = net.d;
        int h = net.h;
        double out = net.param(d * h + 2 * h);
        for (int u = 0; u < h; u++) {
            double pre = net.param(d * h + u);
            for (int c = 0; c < d; c++) {
                pre += x[c] * net.param(c * h + u);
            }
            out += net.param(d * h + h + u) * Math.max(pre, 0);
        }
        return out;
    }

    private static double mse(GradientDescentNetLearner.Net net, PromptBatch b, int[] rows, int m) {
        double s = 0;
        for (int r = 0; r < m; r++) {
            double e = forward(net, Prompts.row(b, 0, rows[r])) - b.y(0, rows[r]);
            s += e * e;
        }
        return s / m;
    }

    @Test
    void initialisationIsPyTorchsAndTheForwardPassIsTheNetwork() {
        PromptBatch b = Prompts.gaussian(1, 1, 12, 4, GradientDescentNetLearnerTest::planted);
        GradientDescentNetLearner.Net net = net(b, 25, 7);
        int firstLayer = net.d * net.h + net.h;
        assertThat(net.parameterCount()).isEqualTo(firstLayer + net.h + 1);
        double largest = 0;
        for (int i = 0; i < firstLayer; i++) {
            assertThat(Math.abs(net.param(i))).isLessThanOrEqualTo(0.5f); // 1/sqrt(d = 4)
            largest = Math.max(largest, Math.abs(net.param(i)));
        }
        assertThat(largest).isGreaterThan(0.45); // uniform over the whole range, not a narrower one
        for (int i = firstLayer; i < net.parameterCount(); i++) {
            assertThat(Math.abs(net.param(i))).isLessThanOrEqualTo(0.2f); // 1/sqrt(hidden = 25)
        }
        for (int i = 0; i < b.points(); i++) {
            float[] in = new float[b.dims()];
            System.arraycopy(b.xs(), i * b.dims(), in, 0, b.dims());
            assertThat((double) net.predict(in)).isCloseTo(forward(net, Prompts.row(b, 0, i)), within(1e-5));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheMeanSquaredError() {
        PromptBatch b = Prompts.gaussian(2, 1, 12, 4, GradientDescentNetLearnerTest::planted);
        GradientDescentNetLearner.Net net = net(b, 16, 3);
        int[] rows = {0, 3, 4, 7, 9, 10};
        net.gradient(rows, rows.length);
        float[] analytic = new float[net.parameterCount()];
        for (int i = 0; i < analytic.length; i++) {
            analytic[i] = net.grad(i);
        }
        SplittableRandom pick = new SplittableRandom(5);
        int checked = 0;
        for (int t = 0; t < 60; t++) {
            int i = pick.nextInt(net.parameterCount());
            float saved = net.param(i);
            float step = 1e-2f;
            net.setParam(i, saved + step);
            double up = mse(net, b, rows, rows.length);
            net.setParam(i, saved - step);
            double down = mse(net, b, rows, rows.length);
            net.setParam(i, saved);
            double numeric = (up - down) / (2 * step);
            // a ReLU kink inside ±step makes the central difference meaningless there
            if (Math.abs(up + down - 2 * mse(net, b, rows, rows.length)) < 1e-4) {
                assertThat((double) analytic[i]).as("parameter %d", i).isCloseTo(numeric, within(2e-3 + 1e-2 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void adamTrainingLowersTheLossOnTheExamples() {
        PromptBatch b = Prompts.gaussian(3, 1, 31, 4, GradientDescentNetLearnerTest::planted);
        GradientDescentNetLearner.Net net = net(b, 100, 11);
        int[] all = IntStream.range(0, 30).toArray();
        double before = mse(net, b, all, 30);
        double[] losses = new double[4];
        for (int t = 1; t <= 200; t++) {
            net.gradient(all, 30);
            net.adam(t, 5e-3f);
            if (t % 50 == 0) {
                losses[t / 50 - 1] = mse(net, b, all, 30);
            }
        }
        assertThat(losses[0]).isLessThan(before);
        for (int i = 1; i < losses.length; i++) {
            assertThat(losses[i]).isLessThan(losses[i - 1]);
        }
        assertThat(losses[3]).isLessThan(before / 10);
    }

    @Test
    void fitsAPlantedReluNetworkBetterThanAveraging() {
        PromptBatch b = Prompts.gaussian(4, 6, 41, 4, GradientDescentNetLearnerTest::planted);
        Learner gd = Learner.of(new GradientDescentNet());
        Learner averaging = Learner.of(new Averaging());
        double gdError = 0;
        double avgError = 0;
        double zeroError = 0;
        for (int p = 0; p < b.batch(); p++) {
            double[] g = gd.predictPrefixes(b, p);
            double[] a = averaging.predictPrefixes(b, p);
            for (int k = 30; k < b.points(); k++) {
                gdError += Math.pow(g[k] - b.y(p, k), 2);
                avgError += Math.pow(a[k] - b.y(p, k), 2);
                zeroError += Math.pow(b.y(p, k), 2);
            }
        }
        assertThat(gdError).isLessThan(0.5 * avgError).isLessThan(0.5 * zeroError);
    }

    @Test
    void predictionsAreReproducibleAndIndependentOfBatchPositionAndThreads() {
        PromptBatch b = Prompts.gaussian(6, 4, 9, 3, GradientDescentNetLearnerTest::planted);
        // batch 4 < k for k > 4: each step draws a subset
        Learner gd = Learner.of(new GradientDescentNet(20, 30, 1e-2, 4));
        double[][] serial = IntStream.range(0, b.batch()).mapToObj(p -> gd.predictPrefixes(b, p)).toArray(double[][]::new);
        double[][] parallel = IntStream.range(0, b.batch()).parallel().mapToObj(p -> gd.predictPrefixes(b, p)).toArray(double[][]::new);
        assertThat(parallel).isDeepEqualTo(serial);
        PromptBatch alone = b.slice(2, 3);
        assertThat(gd.predictPrefixes(alone, 0)).containsExactly(serial[2]);
        for (int k = 0; k < b.points(); k++) {
            assertThat(gd.predictAt(b, 2, k)).isEqualTo(serial[2][k]);
        }
        assertThat(serial[2][0]).isZero();
        // a different prompt draws a different network
        assertThat(serial[1][1]).isNotEqualTo(serial[2][1]);
    }
}
