package org.iclab.task;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.iclab.spec.Extension;
import org.iclab.spec.PosteriorSupport;
import org.iclab.spec.Registry;
import org.iclab.spec.task.Task;

/**
 * The extension point of function classes: how one function of a declared class ({@link Task} record) is drawn,
 * and what noise its observations carry. Registered in {@link TaskRegistration}; the record declares the rest
 * (objective, default baselines, weights). A class whose posterior has a closed form gives its {@link #prior}, and
 * {@code bayes()} scores it with no other change.
 *
 * @param <T> the spec record
 */
public interface FunctionClass<T extends Task> extends Extension, PosteriorSupport {
    @Override
    Class<T> spec();

    /**
     * A function of the class for one prompt, drawn from {@code rng} in a documented order (a prompt is a pure
     * function of its seed); coordinates at or past {@code activeDims} are zero in every input it sees.
     */
    TaskFunction draw(T task, SplittableRandom rng, int activeDims);

    /**
     * The y recorded for f(x) = {@code clean}: the class's observation noise, drawn per point after f. Classes
     * without noise return {@code clean} and draw nothing.
     */
    default double observe(T task, SplittableRandom rng, double clean, int activeDims) {
        return clean;
    }

    /**
     * The prior the class draws its functions from, as hypotheses whose posterior has a closed form ({@code bayes()}),
     * or null where it has none. Cheap to call: the hypotheses are enumerated when first asked for.
     */
    default Prior prior(T task) {
        return null;
    }

    @Override
    default String noPosterior(Object task, boolean pooledFunctions) {
        Prior prior = prior(spec().cast(task));
        if (prior == null) {
            return PosteriorSupport.NONE;
        }
        // a pool member observes with the task's noise, which must be one level (only a mixture can have several)
        return pooledFunctions && !(prior.noise() > 0) ? "needs one noise level in every component of a mixture trained on a pool of functions" : null;
    }

    /** How a function is drawn, for {@link #of(String, Class, Draw)}. */
    @FunctionalInterface
    interface Draw<T> {
        TaskFunction draw(T task, SplittableRandom rng, int activeDims);
    }

    /** A noiseless function class from its record (which carries its word) and draw. */
    static <T extends Task> FunctionClass<T> of(Class<T> spec, Draw<T> draw) {
        return new Simple<>(spec, draw, null);
    }

    /** A noiseless function class from its record (which carries its word), draw and {@link #prior}. */
    static <T extends Task> FunctionClass<T> of(Class<T> spec, Draw<T> draw, Function<T, Prior> prior) {
        return new Simple<>(spec, draw, prior);
    }

    /** A function class made of its parts; {@code priors} may be null (no closed-form posterior). */
    record Simple<T extends Task>(Class<T> spec, Draw<T> drawer, Function<T, Prior> priors) implements FunctionClass<T> {
        @Override
        public TaskFunction draw(T task, SplittableRandom rng, int activeDims) {
            return drawer.draw(task, rng, activeDims);
        }

        @Override
        public Prior prior(T task) {
            return priors == null ? null : priors.apply(task);
        }
    }

    /** The registered function class of {@code task}. */
    @SuppressWarnings("unchecked")
    static <T extends Task> FunctionClass<T> of(T task) {
        return Registry.get().implementation(task, FunctionClass.class);
    }
}
