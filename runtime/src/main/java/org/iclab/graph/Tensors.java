package org.iclab.graph;

import org.iclab.task.PromptBatch;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

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

    /** The batch's outputs [batch, points]. */
    static TFloat32 ys(PromptBatch b) {
        return TFloat32.tensorOf(Shape.of(b.batch(), b.points()), DataBuffers.of(b.ys(), true, false));
    }
}
