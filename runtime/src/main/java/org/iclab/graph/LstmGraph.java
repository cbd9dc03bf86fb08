package org.iclab.graph;

import java.util.List;
import org.iclab.spec.model.Lstm;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The LSTM cell of {@link RecurrentGraph}: gates i, f, g, o from one product [x_t, h_{t−1}]·W + b (W [2·hidden,
 * 4·hidden], named {@code lstmN/w} and {@code lstmN/b}), forget bias +1; c ← f·c + i·g, h ← o·tanh(c).
 */
final class LstmGraph {
    private LstmGraph() {
    }

    static Forward build(Net net, Lstm spec) {
        return RecurrentGraph.build(net, spec.layers(), spec.hidden(), "lstm", LstmGraph::cell);
    }

    private static RecurrentGraph.Cell cell(Net net, String p, int hd) {
        var tf = net.tf;
        double bound = 1 / Math.sqrt(hd);
        var wGates = net.param(p + "w", Init.uniform(bound), 2L * hd, 4L * hd);
        var bGates = net.param(p + "b", Init.uniform(bound), 4L * hd);
        net.countDense(2L * hd, 4L * hd);
        float[] forget = new float[4 * hd];
        for (int i = hd; i < 2 * hd; i++) {
            forget[i] = 1;
        }
        Operand<TFloat32> forgetBias = tf.constant(forget);
        return new RecurrentGraph.Cell() {
            @Override
            public List<Operand<TFloat32>> initial(Operand<TFloat32> zeros) {
                return List.of(zeros, zeros);
            }

            @Override
            public List<Operand<TFloat32>> step(Operand<TFloat32> x, List<Operand<TFloat32>> state) {
                var joined = tf.concat(List.of(x, state.get(0)), tf.constant(1));
                var gates = tf.math.add(tf.math.add(tf.linalg.matMul(joined, wGates), bGates), forgetBias);
                var parts = tf.split(tf.constant(1), gates, 4L).output();
                var i = tf.math.sigmoid(parts.get(0));
                var f = tf.math.sigmoid(parts.get(1));
                var g = tf.math.tanh(parts.get(2));
                var o = tf.math.sigmoid(parts.get(3));
                Operand<TFloat32> c = tf.math.add(tf.math.mul(f, state.get(1)), tf.math.mul(i, g));
                Operand<TFloat32> h = tf.math.mul(o, tf.math.tanh(c));
                return List.of(h, c);
            }
        };
    }
}
