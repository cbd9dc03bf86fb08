package org.iclab.spec.measure;

import org.iclab.spec.task.Task;
/**
 * A measure of the model taken at each evaluation during training ({@code train.evaluateEvery}), beside the error:
 * per strategy, a value for each of its series (an induction score per layer and head; one in-context-learning
 * score). Declared with {@code train { measures induction(), iclScore() }}; by default the induction score is taken
 * wherever it can be. Its word names its key in metrics.jsonl, its TensorBoard tags ({@code word/strategy/series}),
 * its figure ({@code plots/word.png}) and its row in report.html; a new measure is its record, its implementation and
 * one registration line.
 */
public interface Measure {
    /** What the figure shows, after the experiment's name: "induction score during training". */
    String title();

    /** The figure's y-axis title. */
    String axisTitle();

    /** The figure's fixed y-axis range {min, max}, or null to fit the values. */
    default double[] axisRange() {
        return null;
    }

    /** Why the measure cannot be taken while training on {@code task}, or null. */
    default String cannotMeasure(Task task) {
        return null;
    }
}
