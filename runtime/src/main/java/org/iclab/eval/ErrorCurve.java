package org.iclab.eval;

/**
 * One learner's error at each k = 0..points-1 (mean over prompts, as the task's objective scores it) with its
 * bootstrap interval, and the measures reported beside it where the objective has any ({@code cross_entropy} and
 * {@code perplexity} of a token task, each a value per k).
 */
public record ErrorCurve(String strategy, String learner, double[] error, double[] ciLow, double[] ciHigh,
                         java.util.Map<String, double[]> beside) {
    public ErrorCurve {
        beside = java.util.Map.copyOf(beside);
    }

    /** A curve with nothing beside the error. */
    public ErrorCurve(String strategy, String learner, double[] error, double[] ciLow, double[] ciHigh) {
        this(strategy, learner, error, ciLow, ciHigh, java.util.Map.of());
    }

    /** The same curve with {@code measures} beside its error. */
    public ErrorCurve with(java.util.Map<String, double[]> measures) {
        return new ErrorCurve(strategy, learner, error, ciLow, ciHigh, measures);
    }

    /** Mean error with k in-context examples. */
    public double at(int k) {
        return error[k];
    }

    public int points() {
        return error.length;
    }
}
