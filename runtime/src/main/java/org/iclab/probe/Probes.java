package org.iclab.probe;

import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.ProbePlan;

/**
 * Runs an experiment's probes on a trained model. The closed-form targets and the algorithms' iterates are computed
 * first, position by position (they do not depend on the model); then the model's hidden states are captured one
 * layer at a time ({@link LayerCapture}), every probe that reads that layer is fitted on the fit prompts and scored
 * on the held-out prompts, and the capture is released before the next layer is read.
 *
 * <pre>
 * Java:   ProbeResults r = Probes.run(model, experiment, experiment.probes());
 * </pre>
 */
public final class Probes {
    /** Step sizes searched where a gradient-descent step size is 'best': 49 log-spaced from 1e-3 to 10. */
    static final double[] STEP_GRID = logSpaced(1e-3, 10, 49);

    private Probes() {
    }

    /** Runs {@code plan} on {@code model} (compiled from {@code experiment}) on the plan's own prompts. */
    public static ProbeResults run(CompiledModel model, Experiment experiment, ProbePlan plan) {
        return run(model, experiment, plan, ProbePrompts.draw(experiment, plan));
    }

    /** Runs {@code plan} on given prompts (tests use prompts of their own making). */
    public static ProbeResults run(CompiledModel model, Experiment experiment, ProbePlan plan, ProbePrompts prompts) {
        return new ProbeRun(model, experiment, plan, prompts).run(System.nanoTime());
    }

    static double[] logSpaced(double from, double to, int count) {
        double[] out = new double[count];
        double a = Math.log(from);
        double b = Math.log(to);
        for (int i = 0; i < count; i++) {
            out[i] = Math.exp(a + (b - a) * i / (count - 1));
        }
        return out;
    }
}
