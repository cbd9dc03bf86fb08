package org.iclab.probe;

import org.iclab.spec.Extension;
import org.iclab.spec.Registry;
import org.iclab.spec.probe.Target;
import org.iclab.task.PromptBatch;

/**
 * The extension point of linear-probe targets: the vector each prompt's context determines at position k (its
 * function's weights, the least-squares estimate, a gradient-descent iterate, ...), which a linear probe tries to
 * read from the hidden state. Registered in {@link ProbeRegistration}; {@link Probes} computes what the targets
 * declare they need (spectra, chosen step sizes) once per position and shares it.
 *
 * @param <T> the spec record
 */
public interface ProbeTarget<T extends Target> extends Extension {
    @Override
    Class<T> spec();

    /** Prompt {@code prompt}'s target at the context's position. */
    double[] value(T target, Context context, int prompt);

    /** Whether the target reads each prompt's context spectrum (its X^T X decomposed; {@link Context#spectra()}). */
    default boolean spectral(T target) {
        return false;
    }

    /** Gradient-descent steps whose best step size must be chosen on the fit prompts first (0: none). */
    default int bestSteps(T target) {
        return 0;
    }

    /** The step size the target uses given the chosen best step sizes (null where none were chosen); NaN where it has none. */
    default double stepSize(T target, double[] bestSteps) {
        return Double.NaN;
    }

    /**
     * What a target is computed from at position {@code k}: the prompts, their function weights (null unless a
     * target needs them), their context spectra (null unless one needs them), the step size, the input dimension, and
     * the experiment's task (whose Φ the target {@code phi()} reads).
     */
    record Context(PromptBatch batch, double[][] weights, Spectrum[] spectra, int k, double lr, int dims, org.iclab.spec.task.Task task) {
    }

    /** The registered implementation of {@code target}. */
    @SuppressWarnings("unchecked")
    static <T extends Target> ProbeTarget<T> of(T target) {
        return Registry.get().implementation(target, ProbeTarget.class);
    }
}
