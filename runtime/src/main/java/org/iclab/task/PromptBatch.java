package org.iclab.task;

/**
 * A batch of prompts as flat row-major arrays: {@code xs} is [batch, points, dims], {@code ys} is [batch, points].
 * Arrays are float because that is what the model reads; baselines read the same values.
 */
public record PromptBatch(int batch, int points, int dims, float[] xs, float[] ys) implements Batch {
    public PromptBatch {
        if (xs.length != (long) batch * points * dims || ys.length != (long) batch * points) {
            throw new IllegalArgumentException("arrays do not match shape [" + batch + ", " + points + ", " + dims + "]");
        }
    }

    public float x(int prompt, int point, int dim) {
        return xs[offset(prompt, point) + dim];
    }

    /** Where the input of point {@code point} of prompt {@code prompt} starts in {@code xs}. */
    public int offset(int prompt, int point) {
        return (prompt * points + point) * dims;
    }

    public float y(int prompt, int point) {
        return ys[prompt * points + point];
    }

    /** Prompts {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
    public PromptBatch slice(int from, int to) {
        float[] x = java.util.Arrays.copyOfRange(xs, from * points * dims, to * points * dims);
        float[] y = java.util.Arrays.copyOfRange(ys, from * points, to * points);
        return new PromptBatch(to - from, points, dims, x, y);
    }
}
