package org.iclab.task;

import org.iclab.spec.Experiment;
import org.iclab.spec.task.TokenTask;

/**
 * The batches an experiment trains on: (x, y) prompts from its function class and input distribution (through its
 * training pool, where one is declared), or a token task's sequences. The batch of a seed is always the same.
 */
@FunctionalInterface
public interface TrainingBatches {
    /** The batch drawn from {@code seed} with {@code points} pairs (tokens, for a token task) and {@code activeDims} active dimensions. */
    Batch sample(long seed, int batch, int points, int activeDims);

    /** The training batches of {@code experiment}. */
    static TrainingBatches of(Experiment experiment) {
        if (experiment.task() instanceof TokenTask tokens) {
            TokenSampler sampler = new TokenSampler(tokens);
            TokenPool pool = experiment.train().pool().limited() ? new TokenPool(tokens, experiment.train().pool(), experiment.seed()) : null;
            return (seed, batch, points, activeDims) -> sampler.sample(seed, batch, points, false, pool, TokenSampler.Use.TRAIN);
        }
        PromptSampler sampler = PromptSampler.of(experiment);
        var pool = experiment.train().pool();
        PromptDesign design = pool.limited() ? new TrainingPool(pool, experiment.seed(), sampler) : PromptDesign.DEFAULT;
        return (seed, batch, points, activeDims) -> sampler.sample(seed, batch, points, activeDims, design);
    }
}
