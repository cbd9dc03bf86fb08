package org.iclab.task;

import java.util.SplittableRandom;

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

    /**
     * Rewrites one prompt's freshly drawn inputs ({@code points} rows of {@code dims} from {@code offset}) before
     * they are labelled, drawing from the prompt's stream: Boolean classes force a fraction of points to satisfy
     * their formula, or write a teaching sequence first. The default changes nothing and draws nothing.
     */
    default void shape(SplittableRandom rng, float[] xs, int offset, int points, int dims) {
    }

    /**
     * The clean labels of one prompt's {@code points} inputs, in order, into {@code out[0 .. points)}. The default
     * is f at each input and draws nothing; a class whose labels depend on the earlier points of the prompt (the
     * nearest-neighbour class) overrides it.
     */
    default void label(SplittableRandom rng, float[] xs, int offset, int points, int dims, double[] out) {
        for (int i = 0; i < points; i++) {
            out[i] = apply(xs, offset + i * dims);
        }
    }
}
