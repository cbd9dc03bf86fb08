package org.iclab.probe;

import java.util.SplittableRandom;
import org.iclab.spec.Experiment;
import org.iclab.spec.ProbePlan;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptDesign;
import org.iclab.task.PromptSampler;
import org.iclab.task.Seeds;
import org.iclab.task.TaskFunction;

/**
 * The prompts probes are fitted on and scored on: the experiment's own distribution (every task dimension active,
 * the evaluation's points), drawn from the probe seed stream (index 0 for the fit prompts, 1 for the held-out ones),
 * with each prompt's true weights where its function class has them.
 *
 * @param fitWeights     per fit prompt its function's w (null where the class has none)
 * @param heldOutWeights per held-out prompt its function's w (null likewise)
 */
public record ProbePrompts(PromptBatch fit, PromptBatch heldOut, double[][] fitWeights, double[][] heldOutWeights) {
    /** Draws the fit and held-out prompts of {@code plan} for {@code experiment}. */
    public static ProbePrompts draw(Experiment experiment, ProbePlan plan) {
        int points = experiment.evaluate().points();
        Recording fit = new Recording(plan.prompts());
        Recording heldOut = new Recording(plan.heldOut());
        PromptSampler sampler = PromptSampler.of(experiment);
        int dims = experiment.task().dims();
        PromptBatch f = sampler.sample(Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, 0), plan.prompts(), points, dims, fit);
        PromptBatch h = sampler.sample(Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, 1), plan.heldOut(), points, dims, heldOut);
        return new ProbePrompts(f, h, fit.weights(), heldOut.weights());
    }

    /** The experiment's own prompts, remembering each prompt's function. Single use: one per batch. */
    private static final class Recording implements PromptDesign {
        private final TaskFunction[] functions;

        Recording(int count) {
            functions = new TaskFunction[count];
        }

        @Override
        public TaskFunction function(PromptSampler sampler, SplittableRandom rng, int prompt, int activeDims) {
            TaskFunction f = PromptDesign.super.function(sampler, rng, prompt, activeDims);
            functions[prompt] = f;
            return f;
        }

        double[][] weights() {
            double[][] w = new double[functions.length][];
            for (int p = 0; p < w.length; p++) {
                w[p] = functions[p].weights();
                if (w[p] == null) {
                    return null;
                }
            }
            return w;
        }
    }
}
