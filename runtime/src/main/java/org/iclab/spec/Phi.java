package org.iclab.spec;

/**
 * Φ(x_k) of a {@link Representation} task, the representation of the input at position k (Guo et al. 2023): a probe
 * for it at each layer asks where the model has computed the features its linear in-context learning then reads.
 * Only for representation tasks.
 *
 * <pre>
 * Java:   Iclab.phi()                         Groovy:  linear(target: phi(), layers: all())
 * </pre>
 */
@Setting("Phi(x_k), the representation of each input of a representation task (Guo et al.).")
public record Phi() implements Target {
    @Override
    public String word() {
        return "phi";
    }
}
