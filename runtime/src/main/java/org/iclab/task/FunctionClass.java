package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Extension;
import org.iclab.spec.Registry;
import org.iclab.spec.Task;

/**
 * The extension point of function classes: how one function of a declared class ({@link Task} record) is drawn,
 * and what noise its observations carry. Registered in {@link TaskRegistration}; the record declares the rest
 * (objective, default baselines, weights).
 *
 * @param <T> the spec record
 */
public interface FunctionClass<T extends Task> extends Extension {
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

    /** How a function is drawn, for {@link #of(String, Class, Draw)}. */
    @FunctionalInterface
    interface Draw<T> {
        TaskFunction draw(T task, SplittableRandom rng, int activeDims);
    }

    /** A noiseless function class from its word, record and draw. */
    static <T extends Task> FunctionClass<T> of(String word, Class<T> spec, Draw<T> draw) {
        return new Simple<>(word, spec, draw);
    }

    /** A function class made of its parts. */
    record Simple<T extends Task>(String word, Class<T> spec, Draw<T> drawer) implements FunctionClass<T> {
        @Override
        public TaskFunction draw(T task, SplittableRandom rng, int activeDims) {
            return drawer.draw(task, rng, activeDims);
        }
    }

    /** The registered function class of {@code task}. */
    @SuppressWarnings("unchecked")
    static <T extends Task> FunctionClass<T> of(T task) {
        return Registry.get().implementation(task, FunctionClass.class);
    }
}
