package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.Positions;
import org.iclab.spec.Problems;
import org.iclab.spec.Word;
/**
 * A ridge-regression probe from the hidden state at each layer and position k to a target vector (Akyürek et al.
 * 2023): fitted on the probe's fit prompts, scored on held-out prompts by R² over all target coordinates.
 *
 * <pre>
 * Java:   p -&gt; p.linear(weights())    p -&gt; p.linear(weights(), Layers.of(0, 3), Positions.last())
 * Groovy: linear(target: weights(), layers: all(), position: 'last')     linear(target: weights(), position: 'context')
 * </pre>
 */
@Word("linear")
public record LinearProbe(Target target, Layers layers, Positions position) implements TargetProbe {
    public LinearProbe {
        layers = layers == null ? Layers.all() : layers;
        position = position == null ? Positions.last() : position;
        Problems.in("probes.linear").requirePresent(target, "target").throwIfAny();
    }

    @Override
    public String column() {
        return "linear";
    }
}
