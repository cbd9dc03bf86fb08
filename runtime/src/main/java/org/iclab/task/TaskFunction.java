package org.iclab.task;

/**
 * One function f drawn from a task's function class: the rule behind every (x, f(x)) pair of one prompt.
 * Inputs are read in place from a flat array, so evaluating a prompt allocates nothing.
 */
@FunctionalInterface
public interface TaskFunction {
    /** f(x) for the input stored at {@code xs[offset .. offset + dims)} (coordinates past the active ones are 0). */
    double apply(float[] xs, int offset);

    /**
     * The weights w of a function of a linear class (y = w·x with its scale folded in; for linear classification,
     * y = sign(w·x)), zero past the active coordinates; null for the other classes. Probes read them as the target
     * {@code weights()}.
     */
    default double[] weights() {
        return null;
    }
}
