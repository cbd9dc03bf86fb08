package org.iclab.spec.optimizer;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An optimizer whose learning rate follows the shared schedule of {@link LearningRates}, read from its settings. */
public interface ScheduledOptimizer extends Optimizer {
    /** The peak learning rate. */
    double lr();

    /** Fraction of the steps over which the rate rises linearly to lr. */
    double warmup();

    /** 'constant', 'cosine' or 'linear'. */
    String schedule();

    /** The floor a decay ends at. */
    double minLr();

    /** The rate a warm-up starts from. */
    double warmupFrom();

    /** Whether the learning rate changes from step to step (a warm-up or a decay). */
    @JsonIgnore
    default boolean scheduled() {
        return LearningRates.scheduled(warmup(), schedule());
    }

    @Override
    default double lrAt(long step, long steps) {
        return LearningRates.at(lr(), warmup(), schedule(), minLr(), warmupFrom(), step, steps);
    }
}
