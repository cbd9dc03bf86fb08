package org.iclab.spec.strategy;

import org.iclab.spec.task.BurstyClassification;
import org.iclab.spec.task.Task;
/**
 * A test set of {@link BurstyClassification}, drawn by the task's own class: {@link InContext}, {@link FlippedLabels}
 * and {@link InWeights}. No other task defines them.
 */
public sealed interface BurstyTestSet extends Strategy permits InContext, FlippedLabels, InWeights {
    @Override
    default String cannotEvaluate(Task task) {
        return task instanceof BurstyClassification ? null : "is a test set of burstyClassification";
    }
}
