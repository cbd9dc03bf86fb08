package org.iclab.baseline;

import org.iclab.spec.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.MarkovChain;
import org.iclab.spec.TokenTask;

/**
 * {@code bayes()}: on token tasks the Markov chain's posterior predictive ({@link BayesLearner}), on (x, y) tasks the
 * posterior mean under the experiment's prior ({@link PosteriorMeanLearner}), which needs the experiment.
 */
final class BayesFactory implements LearnerFactory<Bayes>, TokenLearnerFactory<Bayes> {
    @Override
    public String word() {
        return "bayes";
    }

    @Override
    public Class<Bayes> spec() {
        return Bayes.class;
    }

    @Override
    public Learner create(Bayes baseline) {
        throw new IllegalStateException("bayes() reads the experiment's prior: create it with Learner.of(baseline, experiment)");
    }

    @Override
    public Learner create(Bayes baseline, Experiment experiment) {
        return PosteriorMeanLearner.of(experiment);
    }

    @Override
    public TokenLearner create(Bayes baseline, TokenTask task) {
        return new BayesLearner((MarkovChain) task);
    }
}
