package org.iclab.graph;

import org.iclab.spec.prompt.Stacked;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Von Oswald et al.'s layout: the query [x_i; 0], then the example [x_i; y_i]. An example attends to the examples up
 * to itself; a query to the examples before it and to itself, never to another query, so one pass serves every k.
 */
final class StackedFormat implements PromptFormat<Stacked> {
    @Override
    public Class<Stacked> spec() {
        return Stacked.class;
    }

    @Override
    public Operand<TFloat32> secondToken(Ops tf, Operand<TFloat32> xToken, Operand<TFloat32> yToken) {
        return tf.math.add(xToken, yToken);
    }

    @Override
    public boolean allowed(int row, int col) {
        boolean colIsExample = col % 2 == 1;
        if (row % 2 == 1) {
            return colIsExample && col <= row;
        }
        return col == row || (colIsExample && col < row);
    }
}
