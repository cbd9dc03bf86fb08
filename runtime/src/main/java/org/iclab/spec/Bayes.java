package org.iclab.spec;

/**
 * The Bayes-optimal predictor under the experiment's own training prior, where its posterior is closed-form. Named
 * {@code bayes} in results.
 * <ul>
 * <li>{@link MarkovChain}, whose rows are Dirichlet(α) draws: p(v | context) = (c(context, v) + α) / (c(context) + Vα)
 * with the counts of the sequence so far (uniform before the first {@code order} tokens, as they are drawn); no
 * predictor has a lower expected cross-entropy.</li>
 * <li>Regression, the posterior mean of y (no predictor has a lower expected squared error): linear regression,
 * noisy or not (ridge with λ = σ²/τ²); sparse regression (every support enumerated); a finite pool of training
 * functions ({@code pool tasks: M}: Raventós et al.'s dMMSE); a {@link Representation} (ridge on Φ(x)); a {@link Mixture} of these (each component weighted by
 * its marginal likelihood). A noiseless class is taken as the limit of small noise (σ = 0.001 τ).</li>
 * </ul>
 *
 * <pre>
 * Java:   Iclab.bayes()                       Groovy:  bayes()
 * </pre>
 */
@Setting("The Bayes-optimal predictor under the experiment's prior: markovChain (counts plus the Dirichlet prior); "
        + "linear, noisy and sparse regression, representations (ridge on Phi(x)), a pool of functions (dMMSE) and mixtures of these "
        + "(the posterior mean).")
public record Bayes() implements Baseline {
    @Override
    public String learnerName() {
        return "bayes";
    }

    @Override
    public String cannotScore(Task task) {
        return closedForm(task) ? null : "needs a task with a closed-form posterior (markovChain, linearRegression, "
                + "noisyLinearRegression, sparseLinearRegression, representation, or a mixture of the regression classes)";
    }

    /** The noise standard deviation a noiseless class is given, relative to its prior scale τ (the limit σ → 0). */
    public static final double NOISELESS = 1e-3;

    /**
     * Why the posterior under {@code task} trained on {@code pool} has no closed form here, or null: a pool of whole
     * prompts, or a pool of a mixture whose components observe with different noise (each member's noise would have
     * to be known).
     */
    @Override
    public String cannotScore(Task task, Pool pool) {
        String cannot = cannotScore(task);
        if (cannot != null || task instanceof TokenTask || !pool.limited()) {
            return cannot;
        }
        if (pool.prompts() > 0) {
            return "has no closed form under a pool of prompts (train.pool prompts); declare pool tasks: M, or baselines without bayes()";
        }
        if (task instanceof Mixture m && m.components().stream().mapToDouble(Bayes::noise).distinct().count() > 1) {
            return "needs one noise level in every component of a mixture trained on a pool of functions";
        }
        return null;
    }

    /** τ, the prior standard deviation of each weight, as evaluation prompts see it (every dimension active). */
    public static double priorScale(Task task) {
        if (task instanceof NoisyLinearRegression n) {
            return n.renormalization(n.dims()) * n.scale();
        }
        if (task instanceof LinearRegression lr) {
            return lr.scale();
        }
        if (task instanceof SparseLinearRegression s) {
            return s.scale();
        }
        return 1;
    }

    /** σ, the observation noise of a regression class: its own, or {@link #NOISELESS} · τ for a noiseless one. */
    public static double noise(Task task) {
        double own = task instanceof NoisyLinearRegression n ? n.renormalization(n.dims()) * n.noise()
                : task instanceof Representation r ? r.noise() : 0;
        return own > 0 ? own : NOISELESS * priorScale(task);
    }

    private static boolean closedForm(Task task) {
        if (task instanceof Mixture m) {
            return m.components().stream().allMatch(c -> !(c instanceof MarkovChain) && closedForm(c));
        }
        return task instanceof MarkovChain || task instanceof LinearRegression || task instanceof NoisyLinearRegression
                || task instanceof SparseLinearRegression || task instanceof Representation;
    }
}
