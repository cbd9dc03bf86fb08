package org.iclab.spec.probe;

import org.iclab.spec.Extension;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a control replaces a linear probe's target with an uninformative one (Hewitt and Liang 2019's control tasks):
 * the same probe, the same hidden states, fitted on targets that carry nothing about the prompt, then scored
 * against the real held-out targets like the probe itself. The probe's selectivity is its score minus the
 * control's.
 *
 * <pre>
 * Java:   p -&gt; p.control("weights", constant())          Groovy:  control(weights: constant())
 *         p -&gt; p.control(shuffled())                                control(shuffled())
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ControlTask {
    @JsonIgnore
    default String word() {
        return Extension.wordOf(getClass());
    }
}
