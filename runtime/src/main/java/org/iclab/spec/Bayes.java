package org.iclab.spec;

/**
 * The Bayes-optimal next-token predictor of a task with a closed-form posterior: for {@link MarkovChain}, whose rows
 * are Dirichlet(α) draws, p(v | context) = (c(context, v) + α) / (c(context) + Vα) with the counts of the sequence
 * so far (uniform before the first {@code order} tokens, as they are drawn). No predictor has a lower expected
 * cross-entropy on the task's sequences. Named {@code bayes} in results.
 *
 * <pre>
 * Java:   Iclab.bayes()                       Groovy:  bayes()
 * </pre>
 */
@Setting("The Bayes-optimal next-token predictor under the task's prior (markovChain: counts plus the Dirichlet prior).")
public record Bayes() implements Baseline {
    @Override
    public String learnerName() {
        return "bayes";
    }

    @Override
    public String cannotScore(Task task) {
        return task instanceof MarkovChain ? null : "needs a task with a closed-form posterior (markovChain)";
    }
}
