package org.iclab.task;

import java.util.SplittableRandom;

/** Inputs uniform on {−1, +1}^n: one {@code nextBoolean} per active coordinate, row by row; inactive coordinates are 0. */
record HypercubeInputs(int dims) implements InputSampler.Draws {
    @Override
    public void draw(SplittableRandom rng, float[] xs, int offset, int count, int activeDims) {
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dims; j++) {
                xs[offset + i * dims + j] = j < activeDims ? (rng.nextBoolean() ? 1f : -1f) : 0f;
            }
        }
    }

    @Override
    public int span() {
        return dims;
    }
}
