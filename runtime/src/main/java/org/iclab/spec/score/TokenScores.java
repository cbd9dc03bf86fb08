package org.iclab.spec.score;

import org.iclab.spec.Word;

/**
 * The token scores iclab reports ({@link Score}), each registered under its record's word.
 */
public final class TokenScores {
    private TokenScores() {
    }

    /** 1 where the arg-max token is one the task does not allow next (its oracle gives it no probability), else 0. */
    static double invalid(Score.Position p) {
        return p.oracle(p.best()) > 0 ? 0 : 1;
    }

    /** 1 − accuracy of the arg-max token. */
    @Word("tokenError")
    public record TokenError() implements Score {
        @Override
        public double at(Position p) {
            return p.best() == p.target() ? 0 : 1;
        }

        @Override
        public String axisTitle() {
            return "token error (1 \u2212 accuracy)";
        }

        @Override
        public String tableTitle() {
            return "token error";
        }
    }

    /** The cross-entropy of the prediction at the target, in nats. */
    @Word("crossEntropy")
    public record CrossEntropy() implements Score {
        @Override
        public double at(Position p) {
            return p.crossEntropy();
        }

        @Override
        public String axisTitle() {
            return "cross-entropy (nats)";
        }

        @Override
        public String tableTitle() {
            return "cross-entropy";
        }

        @Override
        public boolean reportsAccuracy() {
            return false;
        }
    }

    /** e to the mean cross-entropy at each position. */
    @Word("perplexity")
    public record Perplexity() implements Score.Derived {
        @Override
        public double[] curve(Means means) {
            double[] ce = means.of(CrossEntropy.class);
            if (ce == null) {
                return null;
            }
            double[] out = new double[ce.length];
            for (int t = 0; t < ce.length; t++) {
                out[t] = Math.exp(ce[t]);
            }
            return out;
        }

        @Override
        public String axisTitle() {
            return "perplexity";
        }

        @Override
        public String tableTitle() {
            return "perplexity";
        }

        @Override
        public boolean reportsAccuracy() {
            return false;
        }
    }

    /** The learner's mean cross-entropy minus the Bayes-optimal predictor's, position by position (where bayes() has one). */
    @Word("excessOverBayes")
    public record ExcessOverBayes() implements Score.Derived {
        @Override
        public boolean readsBayes() {
            return true;
        }

        @Override
        public double[] curve(Means means) {
            double[] ce = means.of(CrossEntropy.class);
            double[] reference = means.bayes(CrossEntropy.class);
            if (ce == null || reference == null) {
                return null;
            }
            double[] excess = new double[ce.length];
            for (int t = 0; t < ce.length; t++) {
                excess[t] = ce[t] - reference[t];
            }
            return excess;
        }

        @Override
        public String axisTitle() {
            return "cross-entropy above Bayes (nats)";
        }

        @Override
        public String tableTitle() {
            return "excess over Bayes";
        }

        @Override
        public boolean reportsAccuracy() {
            return false;
        }
    }

    /** 1 − the share of positions whose arg-max token the task allows next (its oracle gives it a positive probability: DFA accuracy). */
    @Word("dfaError")
    public record DfaError() implements Score {
        @Override
        public double at(Position p) {
            return invalid(p);
        }

        @Override
        public boolean readsOracle() {
            return true;
        }

        @Override
        public String axisTitle() {
            return "DFA error (1 \u2212 share of valid greedy tokens)";
        }

        @Override
        public String tableTitle() {
            return "DFA error";
        }
    }

    /** The total-variation distance from the prediction to the oracle distribution. */
    @Word("tvd")
    public record Tvd() implements Score {
        @Override
        public double at(Position p) {
            double distance = 0;
            for (int j = 0; j < p.vocabulary(); j++) {
                distance += Math.abs(p.probability(j) - p.oracle(j));
            }
            return distance / 2;
        }

        @Override
        public boolean readsOracle() {
            return true;
        }

        @Override
        public String axisTitle() {
            return "total-variation distance to the oracle";
        }

        @Override
        public String tableTitle() {
            return "TVD";
        }

        @Override
        public boolean reportsAccuracy() {
            return false;
        }
    }
}
