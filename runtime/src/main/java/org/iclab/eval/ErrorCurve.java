package org.iclab.eval;

/**
 * One learner's normalised squared error at each k = 0..points-1 (mean over prompts) with its bootstrap interval.
 */
public record ErrorCurve(String strategy, String learner, double[] error, double[] ciLow, double[] ciHigh) {
    /** Mean error with k in-context examples. */
    public double at(int k) {
        return error[k];
    }

    public int points() {
        return error.length;
    }
}
