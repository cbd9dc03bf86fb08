package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.Positions;

/**
 * A probe that reads a {@link Target} from the hidden states, per layer and position k: the ridge probe at one token
 * ({@link LinearProbe}) or the probe that pools over tokens ({@link PooledProbe}). Their targets are computed by the
 * same closed forms, validated by the same rules and controlled by the same {@code control} words.
 */
public interface TargetProbe extends Probe {
    Target target();

    @Override
    Layers layers();

    Positions position();

    /** Its name in probes.csv's {@code probe} column ({@code linear}, {@code pooled}, {@code mlp}). */
    String column();

    /**
     * Its name in probes.csv's {@code target} column: the target's label, with {@code @context} where it reads up to
     * the last context token ({@code weights@context}).
     */
    default String label() {
        return target().label() + (position().context() ? "@context" : "");
    }

    /** Its row of probes.csv. */
    @Override
    default java.util.List<java.util.Map.Entry<String, String>> rows() {
        return java.util.List.of(java.util.Map.entry(column(), label()));
    }
}
