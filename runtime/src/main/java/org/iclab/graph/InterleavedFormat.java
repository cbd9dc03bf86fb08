package org.iclab.graph;

import org.iclab.spec.prompt.Interleaved;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Garg et al.'s layout: x_i, then y_i zero-padded; a token attends to every token up to itself (causal). */
final class InterleavedFormat implements PromptFormat<Interleaved> {
    @Override
    public Class<Interleaved> spec() {
        return Interleaved.class;
    }

    @Override
    public Operand<TFloat32> secondToken(Ops tf, Operand<TFloat32> xToken, Operand<TFloat32> yToken) {
        return yToken;
    }

    @Override
    public boolean allowed(int row, int col) {
        return col <= row;
    }
}
