package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.strategy.Component;
import org.iclab.spec.strategy.ConvexCombination;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.strategy.Outside;
import org.iclab.spec.task.Task;

/** The prompts of the strategies that step out of the experiment's function class: a component, a combination, another class. */
final class MixtureStrategies {
    private MixtureStrategies() {
    }

    /** Prompts of component {@code strategy.index()} alone, drawn by that component's sampler with the experiment's inputs. */
    static PromptBatch component(Component strategy, Experiment e, long seed, int count, int points, int dims) {
        Task component = ((Mixture) e.task()).components().get(strategy.index());
        return new PromptSampler(component, e.inputs(), e.seed()).sample(seed, count, points, dims);
    }

    /** Prompts of another function class with the experiment's inputs. */
    static PromptBatch outside(Outside strategy, Experiment e, long seed, int count, int points, int dims) {
        return new PromptSampler(strategy.task(), e.inputs(), e.seed()).sample(seed, count, points, dims);
    }

    /**
     * Per prompt, f₁ then f₂ drawn from the two components, then the inputs; y = a·f₁(x) + (1 − a)·f₂(x) with the first
     * component's observation noise.
     */
    static PromptBatch convexCombination(ConvexCombination strategy, Experiment e, long seed, int count, int points, int dims) {
        Mixture mixture = (Mixture) e.task();
        Task first = mixture.components().get(strategy.first());
        Task second = mixture.components().get(strategy.second());
        FunctionClass<Task> secondClass = FunctionClass.of(second);
        double a = strategy.a();
        PromptDesign combination = new PromptDesign() {
            @Override
            public TaskFunction function(PromptSampler sampler, SplittableRandom rng, int prompt, int activeDims) {
                TaskFunction f1 = sampler.drawFunction(rng, activeDims);
                TaskFunction f2 = secondClass.draw(second, rng, activeDims);
                return (xs, offset) -> a * f1.apply(xs, offset) + (1 - a) * f2.apply(xs, offset);
            }
        };
        return new PromptSampler(first, e.inputs(), e.seed()).sample(seed, count, points, dims, combination);
    }
}
