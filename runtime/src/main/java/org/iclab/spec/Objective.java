package org.iclab.spec;

import org.iclab.spec.score.Score;
import org.iclab.spec.score.TokenScores;
import org.iclab.spec.task.Task;
import java.util.Locale;

/**
 * What a task's model is trained to minimise and how every learner's prediction is scored: the one place the
 * graph's loss, the evaluator's metric, the plots' axis, the command line's closing table and {@code eval.json}
 * read. A task declares its objective ({@link Task#objective()}); there are three.
 * <ul>
 * <li>{@link SquaredError}: mean squared error in training; reported as squared error divided by a normaliser
 * (the input dimension d, the sparsity, or nothing).</li>
 * <li>{@link Logistic}: logistic loss on ±1 labels with the output as the logit; reported as classification error
 * 1 − accuracy (the sign of the prediction against the label, sign(0) = +1), with accuracy beside it.</li>
 * <li>{@link CrossEntropy}: cross-entropy over a vocabulary of tokens; reported by the {@link Score}s the task names
 * (by default 1 − accuracy of the arg-max token, with cross-entropy and perplexity beside it).</li>
 * </ul>
 */
public sealed interface Objective permits Objective.SquaredError, Objective.Logistic, Objective.CrossEntropy {
    /** The three losses; the graph compiler switches over this (a missing case is a compile error). */
    enum Loss { SQUARED_ERROR, LOGISTIC, CROSS_ENTROPY }

    Loss loss();

    /** One prediction's error against its target as eval.csv reports it (per prompt and k). */
    double error(double prediction, double target);

    /** The figures' y-axis title. */
    String axisTitle();

    /** The closing table's column title. */
    String tableTitle();

    /** Whether eval.json rows carry accuracy (1 − error) and its interval beside the error. */
    default boolean reportsAccuracy() {
        return loss() != Loss.SQUARED_ERROR;
    }

    /** The columns eval.json rows carry beside {@code error}, {@code ci_low} and {@code ci_high}: accuracy with its interval, where reported. */
    default java.util.List<String> columns() {
        return reportsAccuracy() ? java.util.List.of("accuracy", "accuracy_ci_low", "accuracy_ci_high") : java.util.List.of();
    }

    /** Squared error over {@code normaliser} ({@code dims}, {@code sparsity} or {@code none}), whose value is {@code scale}. */
    static SquaredError squaredError(String normaliser, double scale) {
        return new SquaredError(normaliser, scale);
    }

    static Logistic logistic() {
        return new Logistic();
    }

    /** Cross-entropy over {@code vocabulary} tokens, scored as 1 − accuracy, with the cross-entropy and perplexity beside. */
    static CrossEntropy crossEntropy(int vocabulary) {
        return crossEntropy(vocabulary, new TokenScores.TokenError(), new TokenScores.CrossEntropy(), new TokenScores.Perplexity());
    }

    /** Cross-entropy over {@code vocabulary} tokens, scored by {@code scores} (the first the error, the others beside it). */
    static CrossEntropy crossEntropy(int vocabulary, Score... scores) {
        return new CrossEntropy(vocabulary, java.util.List.of(scores));
    }

    /**
     * Mean squared error in training, reported divided by {@code scale}: the value of {@code normaliser}, which
     * names it ({@code dims}: Garg et al.'s error / d; {@code sparsity}; {@code none}: scale 1).
     */
    record SquaredError(String normaliser, double scale) implements Objective {
        public static final String DIMS = "dims";
        public static final String SPARSITY = "sparsity";
        public static final String NONE = "none";

        public SquaredError {
            if (!(scale > 0) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("a squared error's scale must be a finite number > 0, was " + scale);
            }
        }

        @Override
        public Loss loss() {
            return Loss.SQUARED_ERROR;
        }

        @Override
        public double error(double prediction, double target) {
            double diff = prediction - target;
            return diff * diff / scale;
        }

        @Override
        public String axisTitle() {
            return switch (normaliser) {
                case DIMS -> "squared error / d";
                case NONE -> "squared error";
                default -> "squared error / " + normaliser;
            };
        }

        @Override
        public String tableTitle() {
            return switch (normaliser) {
                case NONE -> "error";
                case DIMS, SPARSITY -> "error/" + normaliser;
                default -> String.format(Locale.ROOT, "error/%s", scale);
            };
        }
    }

    /** Logistic loss on ±1 labels; scored by the sign of the prediction (sign(0) = +1, as for the labels). */
    record Logistic() implements Objective {
        @Override
        public Loss loss() {
            return Loss.LOGISTIC;
        }

        @Override
        public double error(double prediction, double target) {
            return (prediction >= 0 ? 1 : -1) == (target >= 0 ? 1 : -1) ? 0 : 1;
        }

        @Override
        public String axisTitle() {
            return "classification error (1 \u2212 accuracy)";
        }

        @Override
        public String tableTitle() {
            return "class. error";
        }
    }

    /**
     * Cross-entropy over {@code vocabulary} tokens, scored by its {@link Score}s: the first is the error (1 − accuracy
     * of the arg-max token by default; the cross-entropy in nats for markovChain; 1 − DFA accuracy for
     * regularLanguage), the others are reported beside it. The evaluator computes them from each learner's predicted
     * distributions.
     */
    record CrossEntropy(int vocabulary, java.util.List<Score> scores) implements Objective {
        public CrossEntropy {
            if (vocabulary < 2) {
                throw new IllegalArgumentException("a vocabulary must hold at least 2 tokens, was " + vocabulary);
            }
            if (scores == null || scores.isEmpty() || scores.get(0) instanceof Score.Derived) {
                throw new IllegalArgumentException("a token objective needs a first score read position by position, was " + scores);
            }
            scores = java.util.List.copyOf(scores);
        }

        @Override
        public Loss loss() {
            return Loss.CROSS_ENTROPY;
        }

        /** The score eval.csv reports as the error. */
        public Score error() {
            return scores.get(0);
        }

        /** 0 when the arg-max token id {@code prediction} is the target, 1 otherwise. */
        @Override
        public double error(double prediction, double target) {
            return Math.round(prediction) == Math.round(target) ? 0 : 1;
        }

        @Override
        public String axisTitle() {
            return error().axisTitle();
        }

        @Override
        public String tableTitle() {
            return error().tableTitle();
        }

        /** Accuracy where the error score reports it, then each score after the first (the error) under its column. */
        @Override
        public java.util.List<String> columns() {
            java.util.List<String> columns = new java.util.ArrayList<>(Objective.super.columns());
            scores.stream().skip(1).map(s -> Score.column(s.getClass())).forEach(columns::add);
            return java.util.List.copyOf(columns);
        }

        @Override
        public boolean reportsAccuracy() {
            return error().reportsAccuracy();
        }
    }
}
