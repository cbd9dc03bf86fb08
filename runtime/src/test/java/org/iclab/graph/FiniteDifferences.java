package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.iclab.task.Batch;

/** Central finite differences of a compiled model's loss, to check its graph gradients against. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** Coordinates a tensor's gradient is checked at: every one up to this many, else a seeded sample of this many. */
    static final int SAMPLE = 64;

    /**
     * Checks the graph gradient {@code g} of parameter {@code name} against central differences at every coordinate,
     * or at a sample of {@link #SAMPLE} drawn with a seed from the name (always with the largest |g|): each within
     * {@code atol + rtol · max(|graph|, |numeric|) + 1e-4 · max|g|}, the last term the resolution of a float loss
     * whose gradient is that large elsewhere in the tensor (an untrained linear attention's loss is ~1e8, and a
     * coordinate whose gradient is 5 moves it below float precision). Returns how many of them the loss visibly
     * depends on (|numeric| &gt; 1e-3).
     */
    static int assertMatches(CompiledModel model, Batch batch, String name, float[] g, double eps, double rtol, double atol) {
        TreeSet<Integer> at = new TreeSet<>();
        if (g.length <= SAMPLE) {
            for (int i = 0; i < g.length; i++) {
                at.add(i);
            }
        } else {
            at.add(argMaxAbs(g));
            SplittableRandom rng = new SplittableRandom(name.hashCode());
            while (at.size() < SAMPLE) {
                at.add(rng.nextInt(g.length));
            }
        }
        int visible = 0;
        double resolution = 1e-4 * Math.abs(g[argMaxAbs(g)]);
        for (int i : at) {
            double numeric = centralDifference(model, batch, name, i, eps);
            assertThat((double) g[i]).as(name + "[" + i + "]")
                    .isCloseTo(numeric, within(atol + rtol * Math.max(Math.abs(numeric), Math.abs(g[i])) + resolution));
            visible += Math.abs(numeric) > 1e-3 ? 1 : 0;
        }
        return visible;
    }

    /** The index of the largest |g[i]|: the coordinate whose gradient a finite difference resolves best. */
    static int argMaxAbs(float[] g) {
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (Math.abs(g[i]) > Math.abs(g[best])) {
                best = i;
            }
        }
        return best;
    }

    /** (loss(θ + eps·e_idx) − loss(θ − eps·e_idx)) / 2eps for parameter {@code name}; the parameter is restored. */
    static double centralDifference(CompiledModel model, Batch batch, String name, int idx, double eps) {
        float[] v = model.parameterValues().get(name).clone();
        float original = v[idx];
        v[idx] = (float) (original + eps);
        model.assign(Map.of(name, v));
        double up = model.loss(batch);
        v[idx] = (float) (original - eps);
        model.assign(Map.of(name, v));
        double down = model.loss(batch);
        v[idx] = original;
        model.assign(Map.of(name, v));
        return (up - down) / (2 * eps);
    }
}
