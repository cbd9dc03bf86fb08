package org.iclab.probe;

import org.iclab.spec.probe.ControlTask;
import org.iclab.spec.Extension;
import org.iclab.spec.Registry;

/**
 * The extension point of probe controls: the fit targets a control task puts in place of a linear probe's real ones
 * (Hewitt and Liang), so that a probe's score can be read against what it fits without the model's information.
 * Registered in {@link ProbeRegistration}.
 *
 * @param <C> the spec record
 */
public interface ProbeControl<C extends ControlTask> extends Extension {
    @Override
    Class<C> spec();

    /** The control's fit targets for the real {@code targets}; {@code permutation} is the probe run's fixed permutation of the fit prompts. */
    double[][] targets(C control, double[][] targets, int[] permutation);

    /** The registered implementation of {@code control}. */
    @SuppressWarnings("unchecked")
    static <C extends ControlTask> ProbeControl<C> of(C control) {
        return Registry.get().implementation(control, ProbeControl.class);
    }
}
