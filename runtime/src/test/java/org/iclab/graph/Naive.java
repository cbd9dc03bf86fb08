package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.iclab.spec.Experiment;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;

/**
 * Plain-Java versions of a block's pieces, for checking graphs against computations written out step by step, and
 * the fixed-batch training check the graph tests share.
 */
final class Naive {
    private Naive() {
    }

    /**
     * Trains {@code e}'s model (initialised from seed 3) for its steps on one fixed batch of 16 prompts of
     * {@code points} pairs in {@code dims} dimensions, and asserts that the loss on that batch at least halves.
     */
    static void assertFitsAFixedBatch(Experiment e, int points, int dims) {
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(3);
            PromptBatch fixed = PromptSampler.of(e).sample(5, 16, points, dims);
            float before = m.loss(fixed);
            for (int s = 1; s <= e.train().steps(); s++) {
                m.trainStep(fixed, s);
            }
            assertThat(m.loss(fixed)).as("loss on the batch it trained on (before: %s)", before).isLessThan(before * 0.5f);
        }
    }

    /** x [in] times m [in, out], row-major. */
    static double[] times(double[] x, float[] m, int in, int out) {
        double[] r = new double[out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                r[j] += x[i] * m[i * out + j];
            }
        }
        return r;
    }

    static double[] add(double[] a, double[] b) {
        double[] r = a.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += b[i];
        }
        return r;
    }

    /** LayerNorm with eps 1e-5; without gain and bias where they are null. */
    static double[] layerNorm(double[] x, float[] g, float[] b) {
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double var = java.util.Arrays.stream(x).map(a -> (a - mean) * (a - mean)).average().orElse(0);
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * (g == null ? 1 : g[i]) + (b == null ? 0 : b[i]);
        }
        return r;
    }
}
