package org.iclab.spec.baseline;

import org.iclab.spec.Pool;
import org.iclab.spec.PosteriorSupport;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.MarkovChain;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.task.Representation;
import org.iclab.spec.task.Task;
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
@Setting("The Bayes-optimal predictor under the experiment's prior, for every class that gives its posterior in closed form: "
        + "markovChain (counts plus the Dirichlet prior); linear, noisy, sparse and sign-vector regression, representations (ridge on "
        + "Phi(x)), a pool of functions (dMMSE) and mixtures of these (the posterior mean).")
@Word("bayes")
public record Bayes() implements Baseline {
    /** Why the task's class gives no closed-form posterior ({@link PosteriorSupport}), or null. */
    @Override
    public String cannotScore(Task task) {
        return PosteriorSupport.of(task, false);
    }

    /**
     * Why the posterior under {@code task} trained on {@code pool} has no closed form here, or null: a pool of whole
     * prompts, or a pool of functions whose members' noise is not one known level (a mixture whose components
     * observe with different noise).
     */
    @Override
    public String cannotScore(Task task, Pool pool) {
        String cannot = PosteriorSupport.of(task, pool.tasks() > 0);
        // a token task's evaluation sequences are fresh draws from its prior, whatever the training set was
        if (cannot == null && pool.prompts() > 0 && !(task instanceof org.iclab.spec.task.TokenTask)) {
            return "has no closed form under a pool of prompts (train.pool prompts); declare pool tasks: M, or baselines without bayes()";
        }
        return cannot;
    }
}
