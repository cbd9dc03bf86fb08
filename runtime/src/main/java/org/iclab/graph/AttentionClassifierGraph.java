package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.model.AttentionClassifier;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Reddy's attention-only network ({@link AttentionClassifier}): the tokens as the stream, attention layers, a ReLU classifier. */
final class AttentionClassifierGraph {
    private AttentionClassifierGraph() {
    }

    static Forward build(Net net, AttentionClassifier spec) {
        var tf = net.tf;
        var nn = net.nn;
        int w = net.layout.width();
        int kw = spec.keyWidth() == 0 ? w : spec.keyWidth();
        Operand<TFloat32> stream = tf.reshape(net.tokens, nn.shape(-1, w));
        Operand<TFloat32> positions = net.positions(w, "wpe");
        if (positions != null) {
            stream = tf.reshape(tf.math.add(net.unflatten(stream, w), positions), nn.shape(-1, w));
        }
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        List<Operand<TFloat32>> attention = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(net.unflatten(stream, w)));
        Operand<TFloat32> mask = net.softmaxMask();
        double std = 1 / Math.sqrt(spec.initWidth() == 0 ? w : spec.initWidth());
        var perm = tf.constant(new int[] {0, 2, 1, 3});
        for (int l = 0; l < spec.layers(); l++) {
            int h = spec.heads();
            String p = "attn" + l + "/";
            var q = net.param(p + "q", Init.normal(std), w, (long) h * kw);
            var k = net.param(p + "k", Init.normal(std), w, (long) h * kw);
            var v = net.param(p + "v", Init.normal(std), w, (long) h * w);
            var keysShape = nn.stack(List.of(net.batch, net.tokenCount, tf.constant(h), tf.constant(kw)));
            var valuesShape = nn.stack(List.of(net.batch, net.tokenCount, tf.constant(h), tf.constant(w)));
            var qh = tf.linalg.transpose(tf.reshape(net.dense(stream, q, null, w, (long) h * kw), keysShape), perm);
            var kh = tf.linalg.transpose(tf.reshape(net.dense(stream, k, null, w, (long) h * kw), keysShape), perm);
            var vh = tf.linalg.transpose(tf.reshape(net.dense(stream, v, null, w, (long) h * w), valuesShape), perm);
            Operand<TFloat32> scores = nn.batchMatMul(qh, kh, false, true); // [B, H, T, T]
            if (spec.scaled()) {
                scores = tf.math.mul(scores, nn.f(1 / Math.sqrt(kw)));
            }
            var a = tf.withName(CompiledModel.ATTENTION + l).nn.softmax(tf.math.add(scores, mask));
            attention.add(a);
            net.countAttention((long) h * (kw + w) / 2);
            // each head's values, [B, H, T, w], summed over the heads into the stream
            var attended = tf.reduceSum(nn.batchMatMul(a, vh, false, false), tf.constant(1));
            stream = tf.math.add(stream, tf.reshape(attended, nn.shape(-1, w)));
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(net.unflatten(stream, w)));
        }
        Operand<TFloat32> x = stream;
        for (int i = 0; i < spec.headLayers(); i++) {
            var weight = net.param("classifier" + i + "/w", Init.normal(Math.sqrt(2.0 / w)), w, w);
            var bias = net.param("classifier" + i + "/b", Init.normal(Math.sqrt(1.0 / w)), 1);
            x = tf.nn.relu(tf.math.add(net.dense(x, weight, null, w, w), bias));
        }
        var readOut = net.param("read_out/w", Init.normal(1 / Math.sqrt(w)), w, net.outputs);
        return new Forward(net.perToken(net.dense(x, readOut, null, w, net.outputs)), hidden, hidden, attention, w, spec.heads(), net.flops(), null);
    }
}
