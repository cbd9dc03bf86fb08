package org.iclab.graph;

import java.util.List;
import org.iclab.spec.model.Gru;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The GRU cell of {@link RecurrentGraph}, as PyTorch's {@code nn.GRU}: from x·Wx + bx and h·Wh + bh (each [.., 3·hidden],
 * named {@code gruN/wx}, {@code gruN/bx}, {@code gruN/wh}, {@code gruN/bh}), split into reset, update and new parts,
 * r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r·h_n), h ← (1 − z)·n + z·h.
 */
final class GruGraph {
    private GruGraph() {
    }

    static Forward build(Net net, Gru spec) {
        return RecurrentGraph.build(net, spec.layers(), spec.hidden(), "gru", GruGraph::cell);
    }

    private static RecurrentGraph.Cell cell(Net net, String p, int hd) {
        var tf = net.tf;
        double bound = 1 / Math.sqrt(hd);
        var wx = net.param(p + "wx", Init.uniform(bound), hd, 3L * hd);
        var bx = net.param(p + "bx", Init.uniform(bound), 3L * hd);
        var wh = net.param(p + "wh", Init.uniform(bound), hd, 3L * hd);
        var bh = net.param(p + "bh", Init.uniform(bound), 3L * hd);
        net.countDense(hd, 3L * hd);
        net.countDense(hd, 3L * hd);
        Operand<TFloat32> one = net.nn.f(1);
        return new RecurrentGraph.Cell() {
            @Override
            public List<Operand<TFloat32>> initial(Operand<TFloat32> zeros) {
                return List.of(zeros);
            }

            @Override
            public List<Operand<TFloat32>> step(Operand<TFloat32> x, List<Operand<TFloat32>> state) {
                Operand<TFloat32> h = state.get(0);
                var fromX = tf.split(tf.constant(1), tf.math.add(tf.linalg.matMul(x, wx), bx), 3L).output();
                var fromH = tf.split(tf.constant(1), tf.math.add(tf.linalg.matMul(h, wh), bh), 3L).output();
                var r = tf.math.sigmoid(tf.math.add(fromX.get(0), fromH.get(0)));
                var z = tf.math.sigmoid(tf.math.add(fromX.get(1), fromH.get(1)));
                var n = tf.math.tanh(tf.math.add(fromX.get(2), tf.math.mul(r, fromH.get(2))));
                Operand<TFloat32> next = tf.math.add(tf.math.mul(tf.math.sub(one, z), n), tf.math.mul(z, h));
                return List.of(next);
            }
        };
    }
}
