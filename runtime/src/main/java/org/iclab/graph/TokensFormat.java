package org.iclab.graph;

import org.iclab.spec.prompt.Tokens;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A token sequence: one token per id, each position attending to itself and every position before it, the
 * prediction at position t (of the task's target there) read at token t. The compiler reads the ids and builds
 * the tokens itself ({@link ModelGraph}); there are no (x, y) pairs to lay out.
 */
final class TokensFormat implements PromptFormat<Tokens> {
    @Override
    public Class<Tokens> spec() {
        return Tokens.class;
    }

    @Override
    public Operand<TFloat32> secondToken(Ops tf, Operand<TFloat32> xToken, Operand<TFloat32> yToken) {
        throw new UnsupportedOperationException("a token prompt has no (x, y) pairs");
    }

    @Override
    public boolean allowed(int row, int col) {
        return col <= row;
    }
}
