package org.iclab.spec.score;

import org.iclab.spec.Objective;
import org.iclab.spec.task.TokenTask;
/**
 * A score of token predictions: a value at each scored position, read from the learner's predicted distribution
 * (or, for a derived score, a curve computed from the other scores' means). A token objective names its scores
 * ({@link Objective.CrossEntropy#scores()}): the first is the error eval.csv reports, with its bootstrap interval and
 * figure; the others are reported beside it, each under its column in eval.csv and eval.json: its word in snake case. A new score
 * is its record, implementing this, and one registration line; its word is the record's
 * ({@code tokenError} → column {@code token_error}).
 */
public interface Score {
    /** The column a score of type {@code type} is reported under: its word in snake case ({@code tokenError} → {@code token_error}). */
    static String column(Class<? extends Score> type) {
        return org.iclab.spec.Extension.wordOf(type).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The value at one scored position (a {@link Derived} score is never asked). */
    double at(Position position);

    /** The figure's y-axis title where the score is the error. */
    String axisTitle();

    /** The closing table's column title where the score is the error. */
    String tableTitle();

    /** Whether eval.json reports 1 − the score as accuracy, with its interval, where the score is the error. */
    default boolean reportsAccuracy() {
        return true;
    }

    /** Whether {@link #at} reads the task's oracle distribution (a batch without one is not scored by it). */
    default boolean readsOracle() {
        return false;
    }

    /**
     * A scoring unit's value (a string of a language: {@link TokenTask#unit()}) from the weighted mean of its
     * positions' values: the mean itself, unless the score says otherwise.
     */
    default double unit(double mean) {
        return mean;
    }

    /**
     * A score computed from the means of the other scores of the same learner (and of the Bayes-optimal predictor's,
     * where one is scored) rather than position by position; it can only be reported beside the error.
     */
    interface Derived extends Score {
        /** The curve, or null where what it needs is not scored. */
        double[] curve(Means means);

        /** Whether the curve reads the Bayes-optimal predictor's means (which are then scored, where the task has one). */
        default boolean readsBayes() {
            return false;
        }

        @Override
        default double at(Position position) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " is derived from other scores' means");
        }
    }

    /** One scored position of one sequence, as a learner predicted it. */
    interface Position {
        /** The token the sequence has there. */
        int target();

        /** The arg-max token of the prediction (the lowest id among ties). */
        int best();

        /** The predicted probability of {@code token}. */
        double probability(int token);

        /** −log of the predicted probability of the target, in nats. */
        double crossEntropy();

        /** The probability the task's oracle gives {@code token} (only for a score that {@link #readsOracle()}). */
        double oracle(int token);

        int vocabulary();
    }

    /** The means, at each position or unit, of one learner's other scores, for a derived score. */
    interface Means {
        /** The learner's mean of the score of type {@code score} at each position; null where it is not scored. */
        double[] of(Class<? extends Score> score);

        /** The Bayes-optimal predictor's mean of {@code score}; null where the task has none or it is not scored. */
        double[] bayes(Class<? extends Score> score);
    }
}
