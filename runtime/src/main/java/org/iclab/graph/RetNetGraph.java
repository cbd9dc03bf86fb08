package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.model.RetNet;
import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * RetNet's forward pass ({@link RetNet}), in the parallel form: per head, (Q Kᵀ / √d_h ⊙ D_h) V with
 * D_h[t, s] = γ_h^{t−s} where the prompt lets t read s (causally; a stacked prompt's queries read no other query) and
 * 0 elsewhere. Parameters: read-in, then per block ln_1, q, k, v, g (gate), o, ln_2 and the MLP, then ln_f and the
 * read-out; projections start N(0, 0.02), the output projections N(0, 0.02 / √(2·layers)), as GPT-2's.
 */
final class RetNetGraph {
    private RetNetGraph() {
    }

    static Forward build(Net net, RetNet spec) {
        var tf = net.tf;
        var nn = net.nn;
        int e = spec.embed();
        int h = spec.heads();
        int dh = e / h;
        int w = net.layout.width();
        double fanIn = 1 / Math.sqrt(w);
        var readInW = net.param("read_in/w", Init.uniform(fanIn), w, e);
        var readInB = net.param("read_in/b", Init.uniform(fanIn), e);
        Operand<TFloat32> x = net.dense(tf.reshape(net.tokens, nn.shape(-1, w)), readInW, readInB, w, e);
        Operand<TFloat32> positions = net.positions(e, "wpe");
        if (positions != null) {
            x = tf.reshape(tf.math.add(net.unflatten(x, e), positions), nn.shape(-1, e));
        }
        Operand<TFloat32> decay = decayMasks(net, h);
        double projStd = 0.02 / Math.sqrt(2.0 * spec.layers());
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        List<Operand<TFloat32>> attention = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(net.unflatten(x, e)));
        var headsShape = nn.stack(List.of(net.batch, net.tokenCount, tf.constant(h), tf.constant(dh)));
        var perm = tf.constant(new int[] {0, 2, 1, 3});
        for (int l = 0; l < spec.layers(); l++) {
            String p = "r" + l + "/";
            var ln1g = net.param(p + "ln_1/g", Init.constant(1), e);
            var ln1b = net.param(p + "ln_1/b", Init.constant(0), e);
            var q = net.param(p + "q", Init.normal(0.02), e, e);
            var k = net.param(p + "k", Init.normal(0.02), e, e);
            var v = net.param(p + "v", Init.normal(0.02), e, e);
            var g = net.param(p + "g", Init.normal(0.02), e, e);
            var o = net.param(p + "o", Init.normal(projStd), e, e);
            var ln2g = net.param(p + "ln_2/g", Init.constant(1), e);
            var ln2b = net.param(p + "ln_2/b", Init.constant(0), e);
            var fcW = net.param(p + "mlp/c_fc/w", Init.normal(0.02), e, 4 * e);
            var fcB = net.param(p + "mlp/c_fc/b", Init.constant(0), 4 * e);
            var fcProjW = net.param(p + "mlp/c_proj/w", Init.normal(projStd), 4 * e, e);
            var fcProjB = net.param(p + "mlp/c_proj/b", Init.constant(0), e);

            var u = nn.layerNorm(x, ln1g, ln1b);
            var qh = tf.linalg.transpose(tf.reshape(net.dense(u, q, null, e, e), headsShape), perm);
            var kh = tf.linalg.transpose(tf.reshape(net.dense(u, k, null, e, e), headsShape), perm);
            var vh = tf.linalg.transpose(tf.reshape(net.dense(u, v, null, e, e), headsShape), perm);
            var a = tf.withName(CompiledModel.ATTENTION + l).math.mul(tf.math.mul(nn.batchMatMul(qh, kh, false, true), nn.f(1 / Math.sqrt(dh))), decay);
            attention.add(a);
            net.countAttention(e);
            var retained = nn.batchMatMul(a, vh, false, false); // [B, H, T, dh]
            var normed = groupNorm(net, retained);
            var merged = tf.reshape(tf.linalg.transpose(normed, perm), nn.shape(-1, e));
            var gate = net.dense(u, g, null, e, e);
            var gated = tf.math.mul(nn.silu(gate), merged);
            x = tf.math.add(x, net.dense(gated, o, null, e, e));
            var fc = nn.gelu(net.dense(nn.layerNorm(x, ln2g, ln2b), fcW, fcB, e, 4L * e));
            x = tf.math.add(x, net.dense(fc, fcProjW, fcProjB, 4L * e, e));
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(net.unflatten(x, e)));
        }
        var lnFg = net.param("ln_f/g", Init.constant(1), e);
        var lnFb = net.param("ln_f/b", Init.constant(0), e);
        double outFan = 1 / Math.sqrt(e);
        var readOutW = net.param("read_out/w", Init.uniform(outFan), e, net.outputs);
        var readOutB = net.param("read_out/b", Init.uniform(outFan), net.outputs);
        List<Operand<TFloat32>> normedHidden = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            normedHidden.add(tf.withName(CompiledModel.NORMED + l).identity(
                    net.unflatten(nn.layerNorm(tf.reshape(hidden.get(l), nn.shape(-1, e)), lnFg, lnFb), e)));
        }
        Operand<TFloat32> out = net.perToken(net.dense(nn.layerNorm(x, lnFg, lnFb), readOutW, readOutB, e, net.outputs));
        return new Forward(out, hidden, normedHidden, attention, e, h, net.flops(), null);
    }

    /** D [heads, tokens, tokens]: γ_h^{t−s} where the layout lets t read s, else 0. */
    private static Operand<TFloat32> decayMasks(Net net, int heads) {
        int max = net.maxTokens;
        float[][] allowed = net.layout.softmaxMask(max);
        float[][][] d = new float[heads][max][max];
        for (int hd = 0; hd < heads; hd++) {
            double gamma = RetNet.decay(hd);
            for (int t = 0; t < max; t++) {
                for (int s = 0; s < max; s++) {
                    d[hd][t][s] = allowed[t][s] == 0f ? (float) Math.pow(gamma, t - s) : 0f;
                }
            }
        }
        var tf = net.tf;
        return tf.slice(tf.constant(d), net.nn.shape(0, 0, 0), net.nn.stack(List.of(tf.constant(heads), net.tokenCount, net.tokenCount)));
    }

    /** Each head's output normalised over its own features (GroupNorm with one group a head, no affine; eps 1e-5). */
    private static Operand<TFloat32> groupNorm(Net net, Operand<TFloat32> x) {
        var tf = net.tf;
        var last = tf.constant(new int[] {-1});
        var mean = tf.math.mean(x, last, Mean.keepDims(true));
        var centred = tf.math.sub(x, mean);
        var variance = tf.math.mean(tf.math.square(centred), last, Mean.keepDims(true));
        return tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, net.nn.f(1e-5))));
    }

}
