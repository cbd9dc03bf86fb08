package org.iclab.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One logged step: the training loss at that step, the speed over the steps since the previous log line, the
 * curriculum in force, and wall time since training started. One line of metrics.jsonl.
 */
public record TrainingLog(long step, double loss, @JsonProperty("steps_per_second") double stepsPerSecond,
                          int dims, int points, @JsonProperty("elapsed_seconds") double elapsedSeconds) {
}
