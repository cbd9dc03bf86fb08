package org.iclab.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One logged step: the training loss at that step, the speed over the steps since the previous log line, the
 * curriculum in force, wall time since training started, and the learning rate of the step (null in lines written
 * before it was logged). One line of metrics.jsonl.
 */
public record TrainingLog(long step, double loss, @JsonProperty("steps_per_second") double stepsPerSecond,
                          int dims, int points, @JsonProperty("elapsed_seconds") double elapsedSeconds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double lr) {
    /** A line without the learning rate. */
    public TrainingLog(long step, double loss, double stepsPerSecond, int dims, int points, double elapsedSeconds) {
        this(step, loss, stepsPerSecond, dims, points, elapsedSeconds, null);
    }
}
