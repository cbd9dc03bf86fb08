package org.iclab.probe;

import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.Extension;
import org.iclab.spec.Registry;

/**
 * The extension point of the algorithms an alignment probe compares layers with: each iterate's prediction of y_k
 * from a held-out prompt's context. Registered in {@link ProbeRegistration}.
 *
 * @param <A> the spec record
 */
public interface ProbeAlgorithm<A extends Algorithm> extends Extension {
    @Override
    Class<A> spec();

    /**
     * Each iterate's prediction (in {@code algorithm.iterates()} order) of y_k from one prompt's context spectrum,
     * for the query projected onto it; {@code bestSteps} holds the chosen step sizes where {@link #bestSteps} asked
     * for them (null at k = 0). An iterate with nothing to predict from is 0.
     */
    double[] predict(A algorithm, Spectrum spectrum, double[] query, int k, double[] bestSteps);

    /** Gradient-descent steps whose best step size must be chosen on the fit prompts first (0: none). */
    default int bestSteps(A algorithm) {
        return 0;
    }

    /** The registered implementation of {@code algorithm}. */
    @SuppressWarnings("unchecked")
    static <A extends Algorithm> ProbeAlgorithm<A> of(A algorithm) {
        return Registry.get().implementation(algorithm, ProbeAlgorithm.class);
    }
}
