package org.iclab.dsl;

import org.iclab.spec.Experiment;

/**
 * An experiment as a script declared it: the validated spec, where its {@code experiment} block is, and the axes of
 * the script's {@code sweep} block (none where it has none).
 *
 * @param source the script (or spec.json) as the user named it
 * @param line   the line of the {@code experiment} block, 0 for a spec.json
 * @param sweep  the axes the script's {@code sweep} block declares for its experiments
 */
public record DeclaredExperiment(Experiment experiment, String source, int line, SweepAxes sweep) {
    public DeclaredExperiment {
        sweep = sweep == null ? SweepAxes.NONE : sweep;
    }

    /** An experiment without sweep axes. */
    public DeclaredExperiment(Experiment experiment, String source, int line) {
        this(experiment, source, line, SweepAxes.NONE);
    }

    /** {@code lr.groovy:3}, or just the file for a spec.json. */
    public String location() {
        return line > 0 ? source + ":" + line : source;
    }

    /** The same declaration of another experiment (the same place and sweep axes). */
    public DeclaredExperiment with(Experiment other) {
        return new DeclaredExperiment(other, source, line, sweep);
    }
}
