package org.iclab.baseline;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.Pool;
import org.iclab.spec.task.Task;
import org.iclab.task.FunctionClass;
import org.iclab.task.Prior;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.TrainingPool;

/**
 * {@code bayes()} on regression prompts: the posterior mean of y_k given the examples before it, under the prior the
 * experiment trains on: the task's class's own {@link Prior} ({@link FunctionClass#prior}), or, for a finite
 * training pool of M functions (Raventós et al.'s dMMSE), M equally likely point hypotheses y = f_m(x) + noise with
 * the class's noise.
 */
final class PosteriorMeanLearner implements Learner {
    private final Prior prior;

    PosteriorMeanLearner(Prior prior) {
        this.prior = prior;
    }

    /** The learner of {@code experiment}'s training prior (its task, and its pool of functions where it has one). */
    static PosteriorMeanLearner of(Experiment experiment) {
        Task task = experiment.task();
        Pool pool = experiment.train().pool();
        String cannot = new Bayes().cannotScore(task, pool);
        if (cannot != null) {
            throw new IllegalArgumentException("bayes() " + cannot);
        }
        Prior own = FunctionClass.of(task).prior(task);
        if (!pool.limited()) {
            own.hypotheses(); // enumerated here, so that a prior too large to enumerate is refused before any prompt is scored
            return new PosteriorMeanLearner(own);
        }
        TrainingPool members = new TrainingPool(pool, experiment.seed(), PromptSampler.of(experiment));
        List<Prior.Hypothesis> all = new ArrayList<>();
        for (int m = 0; m < pool.tasks(); m++) {
            all.add(new Prior.Member(-Math.log(pool.tasks()), members.member(m), own.noise()));
        }
        return new PosteriorMeanLearner(Prior.of(own.noise(), all));
    }

    @Override
    public double predictAt(PromptBatch batch, int prompt, int k) {
        return prior.predictAt(batch, prompt, k);
    }

    @Override
    public double[] predictPrefixes(PromptBatch batch, int prompt) {
        return prior.predictPrefixes(batch, prompt);
    }
}
