package org.iclab.graph;

import java.util.Map;
import org.iclab.task.Batch;

/** Central finite differences of a compiled model's loss, to check its graph gradients against. */
final class FiniteDifferences {
    private FiniteDifferences() {
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
