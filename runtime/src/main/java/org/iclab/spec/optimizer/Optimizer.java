package org.iclab.spec.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How parameters are updated from gradients. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Optimizer {
    /** The learning rate of 1-based {@code step} of {@code steps} (after warm-up and schedule). */
    double lrAt(long step, long steps);
}
