package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.baseline.Ngram;
import org.iclab.spec.baseline.Oracle;
import org.iclab.spec.score.TokenScores;
/**
 * In-context n-gram learning: each prompt is one sequence of a fresh Markov chain over {@code states} tokens of
 * order {@code order}, its transition table drawn per prompt with every row ~ Dirichlet(concentration). The first
 * {@code order} tokens are uniform; every later token follows the table. Each position is trained and scored on
 * predicting the next token: the error is the cross-entropy in nats, which falls as the prompt reveals the table,
 * compared with the Bayes-optimal predictor ({@code bayes()}), the true rows ({@code oracle()}) and in-context
 * n-grams; eval.json adds each learner's excess over {@code bayes()}.
 *
 * <pre>
 * Java:   Iclab.markovChain(4)                 Groovy:  task markovChain(states: 4, order: 2, length: 64)
 * </pre>
 */
@Setting("A fresh random Markov chain per prompt (rows ~ Dirichlet(concentration)); predict each next token in context.")
@Word("markovChain")
public record MarkovChain(
        @Setting(value = "Tokens (states) of the chain: the vocabulary.", range = ">= 2") int states,
        @Setting(value = "How many previous tokens the next one depends on.", range = "[1, 4]") int order,
        @Setting(value = "Dirichlet concentration of each row of the transition table (1: uniform over rows).", range = "a finite number > 0") double concentration,
        @Setting(value = "Tokens in one sequence.", range = "> order") int length) implements TokenTask {
    public static final int DEFAULT_LENGTH = 64;

    public MarkovChain {
        Problems.in("task")
                .require(states >= 2, "states", "must be >= 2", states)
                .require(order >= 1 && order <= 4, "order", "must be in [1, 4]", order)
                .require(concentration > 0 && Double.isFinite(concentration), "concentration", "must be a finite number > 0", concentration)
                .require(length > order, "length", "must be > order", length + " <= " + order)
                .throwIfAny();
    }

    /** A first-order chain with uniform Dirichlet rows, 64 tokens long. */
    public MarkovChain(int states) {
        this(states, 1, 1.0, DEFAULT_LENGTH);
    }

    @Override
    public int vocabulary() {
        return states;
    }

    /** Scored in nats: the cross-entropy of each next token, which the Bayes-optimal predictor minimises. */
    @Override
    public Objective objective() {
        return Objective.crossEntropy(states, new TokenScores.CrossEntropy(), new TokenScores.TokenError(), new TokenScores.Perplexity(),
                new TokenScores.ExcessOverBayes());
    }

    @Override
    public boolean hasOracle() {
        return true;
    }

    @Override
    public boolean hasLanguages() {
        return true;
    }

    /** The Bayes-optimal predictor, the true rows, and the in-context 1-, 2- and 3-grams. */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new Bayes(), new Oracle(), new Ngram(1), new Ngram(2), new Ngram(3));
    }
}
