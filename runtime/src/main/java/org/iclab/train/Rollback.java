package org.iclab.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rollback of {@code train.onDivergence 'rollback'}: at {@code divergedAt} the loss was {@code loss} (not a
 * number, as text: JSON has no NaN), so training went back to the checkpoint of {@code step} (0: the initial
 * parameters) and goes on with the declared learning rate times {@code lrScale}; the {@code count}-th of the run.
 * One line of metrics.jsonl, {@code {"step": ..., "rollback": {...}}}.
 */
public record Rollback(long step, @JsonProperty("diverged_at") long divergedAt, String loss, @JsonProperty("lr_scale") double lrScale,
                       int count) {
}
