package org.iclab.train;

import java.nio.file.Path;

/** Hears about training as it happens (progress lines, metrics files, tests). */
public interface TrainingListener {
    /** Called once before the first step; {@code firstStep} is 1, or later when resuming. */
    default void started(long firstStep, long lastStep) {
    }

    /** Called every {@code logEvery} steps and at the last step. */
    void logged(TrainingLog log);

    /** Called after a checkpoint is complete on disk. */
    default void checkpointed(long step, Path folder) {
    }
}
