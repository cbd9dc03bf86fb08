package org.iclab.spec.probe;

import org.iclab.spec.Extension;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Representation;
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
@Word("phi")
public record Phi() implements Target {
    /** Φ is a representation task's own. */
    @Override
    public String cannotProbe(org.iclab.spec.task.Task task) {
        return task instanceof org.iclab.spec.task.Representation ? null : Extension.wordOf(getClass()) + "() needs a representation task";
    }

}
