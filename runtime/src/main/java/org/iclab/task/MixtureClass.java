package org.iclab.task;

import java.util.List;
import java.util.SplittableRandom;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.task.Task;

/**
 * The sampler of a {@link Mixture}. Per prompt, from its stream: one uniform draw picks the component (by the
 * normalised weights), then that component draws its function as it always does. The component's observation noise
 * is added while the prompt is labelled (after every clean label, one point at a time), so the mixture itself adds
 * none.
 */
final class MixtureClass implements FunctionClass<Mixture> {
    @Override
    public Class<Mixture> spec() {
        return Mixture.class;
    }

    @Override
    public TaskFunction draw(Mixture mixture, SplittableRandom rng, int activeDims) {
        return componentFunction(mixture.components().get(pick(mixture, rng)), rng, activeDims);
    }

    /**
     * The components' hypotheses, each weighted by its component's probability (components of probability 0 add
     * none); null unless every component has a prior. Its noise is the components' one level, NaN where they differ.
     */
    @Override
    public Prior prior(Mixture mixture) {
        List<Prior> priors = new java.util.ArrayList<>();
        for (Task component : mixture.components()) {
            Prior p = FunctionClass.of(component).prior(component); // a mixture's components are function classes (Mixture says so)
            if (p == null) {
                return null;
            }
            priors.add(p);
        }
        double[] noises = priors.stream().mapToDouble(Prior::noise).distinct().toArray();
        return new Prior(noises.length == 1 ? noises[0] : Double.NaN, out -> {
            for (int i = 0; i < priors.size(); i++) {
                if (mixture.probability(i) > 0) {
                    out.addAll(priors.get(i).weighted(Math.log(mixture.probability(i))));
                }
            }
        });
    }

    /** The component of one prompt: the first whose cumulative probability exceeds a uniform draw. */
    static int pick(Mixture mixture, SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = mixture.components().size() - 1;
        for (int i = 0; i < last; i++) {
            cumulative += mixture.probability(i);
            if (u < cumulative) {
                return i;
            }
        }
        return last;
    }

    /** A function of {@code component} whose labels carry that component's observation noise. */
    static TaskFunction componentFunction(Task component, SplittableRandom rng, int activeDims) {
        FunctionClass<Task> functions = FunctionClass.of(component);
        TaskFunction f = functions.draw(component, rng, activeDims);
        return new TaskFunction() {
            @Override
            public double apply(float[] xs, int offset) {
                return f.apply(xs, offset);
            }

            @Override
            public double[] weights() {
                return f.weights();
            }

            @Override
            public void shape(SplittableRandom stream, float[] xs, int offset, int points, int dims) {
                f.shape(stream, xs, offset, points, dims);
            }

            @Override
            public void label(SplittableRandom stream, float[] xs, int offset, int points, int dims, double[] out) {
                f.label(stream, xs, offset, points, dims, out);
                for (int i = 0; i < points; i++) {
                    out[i] = functions.observe(component, stream, out[i], activeDims);
                }
            }
        };
    }
}
