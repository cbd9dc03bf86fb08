package org.iclab.sweep;

import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.spec.Experiment;

/** Runs one experiment into a run directory, blocking until it is done: {@code Iclab.run} by default, a stand-in in tests. */
@FunctionalInterface
public interface Runner {
    RunResult run(Experiment experiment, RunOptions options);
}
