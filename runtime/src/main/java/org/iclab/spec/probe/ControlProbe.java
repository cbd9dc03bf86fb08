package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Word;
/**
 * A control for the linear probes of one target word ({@code weights}, ...), or of every linear probe when
 * {@code target} is null: see {@link ControlTask}.
 *
 * <pre>
 * Java:   p -&gt; p.control("weights", constant())     p -&gt; p.control(shuffled())
 * Groovy: control(weights: constant())               control(shuffled())
 * </pre>
 */
@Word("control")
public record ControlProbe(String target, ControlTask task) implements Probe {
    public ControlProbe {
        Problems.in("probes.control").requirePresent(task, "task").throwIfAny();
    }

    /** Whether this control applies to a linear probe of {@code t}. */
    public boolean appliesTo(Target t) {
        return target == null || target.equals(t.word());
    }
}
