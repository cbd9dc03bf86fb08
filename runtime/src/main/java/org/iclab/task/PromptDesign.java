package org.iclab.task;

import java.util.SplittableRandom;

/**
 * How {@link PromptSampler} fills one prompt: which function it follows, how its inputs are drawn and what is done
 * to each f(x). The default design draws a fresh function and i.i.d. inputs from the experiment's declarations;
 * task pools and evaluation strategies replace one part or another. Each call gets the prompt's own random
 * stream, so a design decides nothing from thread timing.
 */
public interface PromptDesign {
    /** The experiment's own distribution of prompts. */
    PromptDesign DEFAULT = new PromptDesign() {
    };

    /** The function of prompt {@code prompt} of the batch. */
    default TaskFunction function(PromptSampler sampler, SplittableRandom rng, int prompt, int activeDims) {
        return sampler.drawFunction(rng, activeDims);
    }

    /** Fills the {@code points} inputs of one prompt, starting at {@code xs[offset]} (row-major [points, dims]). */
    default void inputs(PromptSampler sampler, SplittableRandom rng, float[] xs, int offset, int points, int activeDims) {
        sampler.drawInputs(rng, xs, offset, points, activeDims);
    }

    /**
     * The y recorded for {@code clean}: f(x) as the task observes it ({@link PromptSampler#observe}, which adds a
     * noisy task's noise); scaled or noisy designs change it further.
     */
    default double output(SplittableRandom rng, double clean) {
        return clean;
    }

    /** How a design records y, for {@link #outputs}. */
    @FunctionalInterface
    interface Output {
        double output(SplittableRandom rng, double clean);
    }

    /** The experiment's prompts with each y recorded by {@code output} (a scaled or noisier y). */
    static PromptDesign outputs(Output output) {
        return new PromptDesign() {
            @Override
            public double output(SplittableRandom rng, double clean) {
                return output.output(rng, clean);
            }
        };
    }
}
