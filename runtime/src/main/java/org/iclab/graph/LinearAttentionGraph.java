package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.model.LinearAttention;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Von Oswald et al.'s linear self-attention. Each layer adds to every token e_j the sum over heads of
 * P_h Σ_i a_ji (W_V,h e_i) with a_ji = (W_Q,h e_j)·(W_K,h e_i) / n_j over the tokens i that j may attend to, n_j
 * being the examples j has seen; every head is as wide as the stream and no projection has a bias. With
 * {@code embed} 0 the stream is the tokens themselves and the prediction is the y coordinate of a query's final
 * state; otherwise a linear read-in and read-out surround the layers. {@code softmaxFirst} makes layer 0 ordinary
 * softmax attention over the same projections (scaled by 1/√width). Projections start N(0, 1/width).
 */
final class LinearAttentionGraph {
    private LinearAttentionGraph() {
    }

    static Forward build(Net net, LinearAttention spec) {
        var tf = net.tf;
        var nn = net.nn;
        int w = net.layout.width();
        boolean direct = spec.embed() == 0;
        int s = direct ? w : spec.embed();
        int h = spec.heads();
        Operand<TFloat32> stream = tf.reshape(net.tokens, nn.shape(-1, w));
        Operand<TFloat32> positions;
        org.tensorflow.op.core.Variable<TFloat32> readOutW = null;
        org.tensorflow.op.core.Variable<TFloat32> readOutB = null;
        if (direct) {
            positions = net.positions(s, "wpe");
        } else {
            double fanIn = 1 / Math.sqrt(w);
            var readInW = net.param("read_in/w", Init.uniform(fanIn), w, s);
            var readInB = net.param("read_in/b", Init.uniform(fanIn), s);
            positions = net.positions(s, "wpe");
            stream = net.dense(stream, readInW, readInB, w, s);
        }
        if (positions != null) {
            stream = tf.reshape(tf.math.add(net.unflatten(stream, s), positions), nn.shape(-1, s));
        }
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        List<Operand<TFloat32>> attention = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(net.unflatten(stream, s)));
        Operand<TFloat32> weights = net.linearWeights();
        Operand<TFloat32> mask = net.softmaxMask();
        // A layer's update is a product of four matrices, so GPT-2's 0.02 would leave it (and its gradients) near
        // zero for thousands of steps; 1/√width keeps each factor's output at the scale of its input.
        double std = 1 / Math.sqrt(s);
        for (int l = 0; l < spec.layers(); l++) {
            String p = "lsa" + l + "/";
            var q = net.param(p + "q", Init.normal(std), s, (long) h * s);
            var k = net.param(p + "k", Init.normal(std), s, (long) h * s);
            var v = net.param(p + "v", Init.normal(std), s, (long) h * s);
            var proj = net.param(p + "p", Init.normal(std), (long) h * s, s);
            var headsShape = nn.stack(List.of(net.batch, net.tokenCount, tf.constant(h), tf.constant(s)));
            var perm = tf.constant(new int[] {0, 2, 1, 3});
            var qh = tf.linalg.transpose(tf.reshape(net.dense(stream, q, null, s, (long) h * s), headsShape), perm);
            var kh = tf.linalg.transpose(tf.reshape(net.dense(stream, k, null, s, (long) h * s), headsShape), perm);
            var vh = tf.linalg.transpose(tf.reshape(net.dense(stream, v, null, s, (long) h * s), headsShape), perm);
            var scores = nn.batchMatMul(qh, kh, false, true); // [B, H, T, T]
            Operand<TFloat32> a;
            if (l == 0 && spec.softmaxFirst()) {
                a = tf.withName(CompiledModel.ATTENTION + l).nn.softmax(tf.math.add(tf.math.mul(scores, nn.f(1 / Math.sqrt(s))), mask));
            } else {
                a = tf.withName(CompiledModel.ATTENTION + l).math.mul(scores, weights);
            }
            attention.add(a);
            net.countAttention((long) h * s);
            var attended = tf.reshape(tf.linalg.transpose(nn.batchMatMul(a, vh, false, false), perm), nn.shape(-1, h * s));
            stream = tf.math.add(stream, net.dense(attended, proj, null, (long) h * s, s));
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(net.unflatten(stream, s)));
        }
        Operand<TFloat32> out;
        if (direct) {
            // The y coordinate of every token: [B·T, w] -> [B, T].
            out = tf.reshape(tf.slice(stream, nn.shape(0, net.layout.yIndex()), nn.shape(-1, 1)), nn.stack(List.of(net.batch, net.tokenCount)));
        } else {
            double outFan = 1 / Math.sqrt(s);
            readOutW = net.param("read_out/w", Init.uniform(outFan), s, 1);
            readOutB = net.param("read_out/b", Init.uniform(outFan), 1);
            out = tf.reshape(net.dense(stream, readOutW, readOutB, s, 1), nn.stack(List.of(net.batch, net.tokenCount)));
        }
        return new Forward(out, hidden, hidden, attention, s, h, net.flops(), null);
    }
}
