package org.iclab.dsl;

import org.iclab.spec.Experiment;

/**
 * An experiment as a script declared it: the validated spec and where its {@code experiment} block is.
 *
 * @param source the script (or spec.json) as the user named it
 * @param line   the line of the {@code experiment} block, 0 for a spec.json
 */
public record DeclaredExperiment(Experiment experiment, String source, int line) {
    /** {@code lr.groovy:3}, or just the file for a spec.json. */
    public String location() {
        return line > 0 ? source + ":" + line : source;
    }
}
