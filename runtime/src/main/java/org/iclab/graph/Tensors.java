package org.iclab.graph;

import org.iclab.task.PromptBatch;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Java arrays to and from tensors; every tensor made here is the caller's to close. */
final class Tensors {
    private Tensors() {
    }

    static float[] read(TFloat32 t) {
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** The batch's inputs [batch, points, dims]. */
    static TFloat32 xs(PromptBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.points(), b.dims()), DataBuffers.of(b.xs(), true, false));
    }

    /** Whole numbers as an int tensor [rows, columns]. */
    static TInt32 ints(int[] values, int rows, int columns) {
        return TInt32.tensorOf(Shape.of(rows, columns), DataBuffers.of(values, true, false));
    }

    /** A token batch's vectors [batch, tokens, width]. */
    static TFloat32 vectors(org.iclab.task.TokenBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.length(), b.width()), DataBuffers.of(b.vectors(), true, false));
    }

    /** Numbers as a float tensor [rows, columns]. */
    static TFloat32 floats(float[] values, int rows, int columns) {
        return TFloat32.tensorOf(Shape.of(rows, columns), DataBuffers.of(values, true, false));
    }

    /** Closes every tensor in {@code open} (closing a tensor does not fail). */
    static void close(java.util.List<AutoCloseable> open) {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a tensor's close throws nothing
            }
        }
    }

    /** The batch's outputs [batch, points]. */
    static TFloat32 ys(PromptBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.points()), DataBuffers.of(b.ys(), true, false));
    }
}
