package org.iclab.spec;

/**
 * In-context n-gram learning: each prompt is one sequence of a fresh Markov chain over {@code states} tokens of
 * order {@code order}, its transition table drawn per prompt with every row ~ Dirichlet(concentration). The first
 * {@code order} tokens are uniform; every later token follows the table. Each position is trained and scored on
 * predicting the next token, so the curve shows the error falling as the prompt reveals the table.
 *
 * <pre>
 * Java:   Iclab.markovChain(4)                 Groovy:  task markovChain(states: 4, order: 2, length: 64)
 * </pre>
 */
@Setting("A fresh random Markov chain per prompt (rows ~ Dirichlet(concentration)); predict each next token in context.")
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
}
