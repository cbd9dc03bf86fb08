package org.iclab.task;

/**
 * One function f drawn from a task's function class: the rule behind every (x, f(x)) pair of one prompt.
 * Inputs are read in place from a flat array, so evaluating a prompt allocates nothing.
 */
@FunctionalInterface
public interface TaskFunction {
    /** f(x) for the input stored at {@code xs[offset .. offset + dims)} (coordinates past the active ones are 0). */
    double apply(float[] xs, int offset);
}
