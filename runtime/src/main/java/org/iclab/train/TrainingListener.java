package org.iclab.train;

import java.nio.file.Path;

/** Hears about training as it happens (progress lines, metrics files, tests). */
public interface TrainingListener {
    /** Called once before the first step; {@code firstStep} is 1, or later when resuming. */
    default void started(long firstStep, long lastStep) {
    }

    /** Called every {@code logEvery} steps and at the last step. */
    void logged(TrainingLog log);

    /**
     * Called before the first step of a fresh run and every {@code train.evaluateEvery} steps and at the last step,
     * when the plan asks for evaluations during training; the model holds the parameters after {@code step} steps.
     */
    default void evaluationDue(long step) {
    }

    /**
     * Called when training went back to an earlier step after a non-finite loss ({@code train.onDivergence
     * 'rollback'}): what was logged after {@code rollback.step()} is trained again.
     */
    default void rolledBack(Rollback rollback) {
    }

    /** Called after a checkpoint is complete on disk. */
    default void checkpointed(long step, Path folder) {
    }
}
