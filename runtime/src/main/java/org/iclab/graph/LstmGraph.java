package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.Lstm;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * An LSTM unrolled over the longest prompt the experiment uses: tokens are zero-padded at the end to that length
 * (a recurrence never reads ahead, so padding cannot change an earlier output), read in linearly, passed through
 * the stacked layers (gates i, f, g, o from one product [x_t, h_{t−1}]·W + b, forget bias +1), cut back to the
 * prompt's length and read out linearly.
 */
final class LstmGraph {
    private LstmGraph() {
    }

    static Forward build(Net net, Lstm spec) {
        var tf = net.tf;
        var nn = net.nn;
        int w = net.layout.width();
        int hd = spec.hidden();
        int steps = net.maxTokens;
        double fanIn = 1 / Math.sqrt(w);
        var readInW = net.param("read_in/w", Init.uniform(fanIn), w, hd);
        var readInB = net.param("read_in/b", Init.uniform(fanIn), hd);
        Operand<TFloat32> positions = net.positions(hd, "wpe");
        // Pad [B, T, w] to [B, steps, w] (T is fed; steps is fixed when the graph is built).
        var padding = nn.stack(List.of(tf.constant(0), tf.math.sub(tf.constant(steps), net.tokenCount)));
        var paddings = tf.stack(List.of(tf.constant(new int[] {0, 0}), padding, tf.constant(new int[] {0, 0})));
        var padded = tf.pad(net.tokens, paddings, nn.f(0));
        var paddedShape = nn.stack(List.of(net.batch, tf.constant(steps), tf.constant(hd)));
        Operand<TFloat32> input = tf.reshape(net.dense(tf.reshape(padded, nn.shape(-1, w)), readInW, readInB, w, hd), paddedShape);
        if (positions != null) {
            input = tf.math.add(input, tf.pad(positions, tf.stack(List.of(padding, tf.constant(new int[] {0, 0}))), nn.f(0)));
        }
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(cut(net, input, hd)));
        float[] forget = new float[4 * hd];
        for (int i = hd; i < 2 * hd; i++) {
            forget[i] = 1;
        }
        Operand<TFloat32> forgetBias = tf.constant(forget);
        double bound = 1 / Math.sqrt(hd);
        for (int l = 0; l < spec.layers(); l++) {
            String p = "lstm" + l + "/";
            var wGates = net.param(p + "w", Init.uniform(bound), 2L * hd, 4L * hd);
            var bGates = net.param(p + "b", Init.uniform(bound), 4L * hd);
            var inputs = tf.unstack(input, (long) steps, Unstack.axis(1L)).output(); // steps × [B, hd]
            var zeros = tf.zeros(nn.stack(List.of(net.batch, tf.constant(hd))), TFloat32.class);
            Operand<TFloat32> h = zeros;
            Operand<TFloat32> c = zeros;
            List<Operand<TFloat32>> outputs = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                var joined = tf.concat(List.of(inputs.get(t), h), tf.constant(1));
                var gates = tf.math.add(tf.math.add(tf.linalg.matMul(joined, wGates), bGates), forgetBias);
                var parts = tf.split(tf.constant(1), gates, 4L).output();
                var i = tf.math.sigmoid(parts.get(0));
                var f = tf.math.sigmoid(parts.get(1));
                var g = tf.math.tanh(parts.get(2));
                var o = tf.math.sigmoid(parts.get(3));
                c = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, g));
                h = tf.math.mul(o, tf.math.tanh(c));
                outputs.add(h);
            }
            net.countDense(2L * hd, 4L * hd);
            input = tf.stack(outputs, org.tensorflow.op.core.Stack.axis(1L)); // [B, steps, hd]
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(cut(net, input, hd)));
        }
        double outFan = 1 / Math.sqrt(hd);
        var readOutW = net.param("read_out/w", Init.uniform(outFan), hd, 1);
        var readOutB = net.param("read_out/b", Init.uniform(outFan), 1);
        var last = tf.reshape(hidden.get(hidden.size() - 1), nn.shape(-1, hd));
        var out = tf.reshape(net.dense(last, readOutW, readOutB, hd, 1), nn.stack(List.of(net.batch, net.tokenCount)));
        return new Forward(out, hidden, hidden, List.of(), hd, 0, net.flops(), null);
    }

    /** [B, steps, hd] → its first T tokens. */
    private static Operand<TFloat32> cut(Net net, Operand<TFloat32> x, int hd) {
        return net.tf.slice(x, net.nn.shape(0, 0, 0), net.nn.stack(List.of(net.tf.constant(-1), net.tokenCount, net.tf.constant(hd))));
    }
}
