package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.inputs.Uniform;

/** Inputs uniform on [low, high) per coordinate: one {@code nextDouble} per active coordinate, row by row. */
record UniformInputs(Uniform spec, int dims) implements InputSampler.Draws {
    @Override
    public void draw(SplittableRandom rng, float[] xs, int offset, int count, int activeDims) {
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dims; j++) {
                xs[offset + i * dims + j] = j < activeDims ? (float) (spec.low() + (spec.high() - spec.low()) * rng.nextDouble()) : 0f;
            }
        }
    }

    @Override
    public int span() {
        return dims;
    }
}
