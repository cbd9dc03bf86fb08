package org.iclab.baseline;

import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.TokenTask;
import org.iclab.task.TokenClass;

/**
 * {@code bayes()}: on token tasks the class's posterior predictive ({@link TokenClass#posterior}), on (x, y) tasks the
 * posterior mean under the experiment's prior ({@link PosteriorMeanLearner}), which needs the experiment. Both come
 * from the task's class: a new class with a closed-form posterior changes nothing here.
 */
final class BayesFactory implements LearnerFactory<Bayes>, TokenLearnerFactory<Bayes> {
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
        TokenClass.Predictive posterior = TokenClass.of(task).posterior(task);
        if (posterior == null) {
            throw new IllegalArgumentException("bayes() " + new Bayes().cannotScore(task));
        }
        return posterior::predict;
    }
}
