package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Extension;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.Registry;

/**
 * The extension point of input distributions: a declared {@link Inputs} record made concrete for one task dimension
 * and one seed (a random transform, for instance, is drawn once here). Registered in {@link TaskRegistration}.
 *
 * @param <I> the spec record
 */
public interface InputSampler<I extends Inputs> extends Extension {
    @Override
    Class<I> spec();

    /** The distribution {@code inputs} declares in {@code dims} dimensions; anything random about it is drawn from {@code seed}. */
    Draws prepare(I inputs, int dims, long seed);

    /** A prepared input distribution. */
    interface Draws {
        /** Draws {@code count} inputs into consecutive rows from {@code offset}; coordinates at or past {@code activeDims} are 0. */
        void draw(SplittableRandom rng, float[] xs, int offset, int count, int activeDims);

        /** The dimension of the subspace the inputs span. */
        int span();
    }

    /** How a distribution is prepared, for {@link #of(String, Class, Prepare)}. */
    @FunctionalInterface
    interface Prepare<I> {
        Draws prepare(I inputs, int dims, long seed);
    }

    /** An input sampler from its record (which carries its word) and preparation. */
    static <I extends Inputs> InputSampler<I> of(Class<I> spec, Prepare<I> prepare) {
        return new Simple<>(spec, prepare);
    }

    /** An input sampler made of its parts. */
    record Simple<I extends Inputs>(Class<I> spec, Prepare<I> preparation) implements InputSampler<I> {
        @Override
        public Draws prepare(I inputs, int dims, long seed) {
            return preparation.prepare(inputs, dims, seed);
        }
    }

    /** The registered sampler of {@code inputs}. */
    @SuppressWarnings("unchecked")
    static <I extends Inputs> InputSampler<I> of(I inputs) {
        return Registry.get().implementation(inputs, InputSampler.class);
    }
}
