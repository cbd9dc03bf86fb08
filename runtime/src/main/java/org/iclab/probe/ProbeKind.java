package org.iclab.probe;

import java.util.List;
import org.iclab.spec.Extension;
import org.iclab.spec.probe.Probe;

/**
 * The extension point of probe kinds ({@code linear}, {@code readout}, {@code alignment}, {@code attention},
 * {@code control}): what a kind does with the plan's probes of that kind, through the run's shared work
 * ({@link ProbeRun}: closed forms, captures one layer at a time, read-outs, rows). Kinds run in registration order
 * ({@link ProbeRegistration}), which is the order their rows appear in probes.csv.
 *
 * @param <P> the spec record
 */
public interface ProbeKind<P extends Probe> extends Extension {
    @Override
    Class<P> spec();

    /** Runs {@code probes}, every probe of this kind in the plan, in declaration order. */
    void run(List<P> probes, ProbeRun run);
}
