package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.BooleanTask;

/**
 * A Boolean function class ({@link BooleanTask}): its draw, and label noise as its observation noise: with
 * {@code labelNoise} p > 0, each label is flipped with probability p (one {@code nextDouble} per point, after the
 * function); with p = 0 nothing is drawn.
 *
 * @param <T> the spec record
 */
record BooleanClass<T extends BooleanTask>(Class<T> spec, FunctionClass.Draw<T> drawer) implements FunctionClass<T> {
    @Override
    public TaskFunction draw(T task, SplittableRandom rng, int activeDims) {
        return drawer.draw(task, rng, activeDims);
    }

    @Override
    public double observe(T task, SplittableRandom rng, double clean, int activeDims) {
        if (task.labelNoise() == 0) {
            return clean;
        }
        return rng.nextDouble() < task.labelNoise() ? -clean : clean;
    }
}
