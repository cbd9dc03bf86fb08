package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Inputs confined to a random subspace of half the dimensions: the experiment's gaussian inputs with covariance
 * {@code 'lowRank'} of rank d/2, a fresh transform per evaluation drawn from the strategy's seed (Garg et al.'s
 * half_subspace).
 *
 * <pre>
 * Java:   Iclab.halfSubspace()  Groovy:  strategies halfSubspace()
 * </pre>
 */
@Setting("Inputs in a random subspace of task.dims / 2 dimensions (the inputs' lowRank covariance, a fresh"
        + " transform).")
@Word("halfSubspace")
public record HalfSubspace() implements Strategy {
    @Override
    public boolean needsGaussianInputs() {
        return true;
    }
}
