package org.iclab.graph;

import java.util.List;
import org.iclab.spec.Mamba;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The Mamba block ({@link Mamba}) as a cell of {@link RecurrentGraph}: the state is the block's output, its SSM state
 * h [batch, inner·N] and the last three convolution inputs [batch, 3·inner] (inner = 2·embed). Parameters of block l,
 * under {@code mambaL/}: ln (g, b), in (embed → 2·inner), conv (w [4, inner], b), x_dt (inner → rank), dt (w, b),
 * x_b and x_c (inner → N), a_log [inner, N], d [inner], out (inner → embed).
 */
final class MambaGraph {
    private MambaGraph() {
    }

    static Forward build(Net net, Mamba spec) {
        return RecurrentGraph.build(net, spec.layers(), spec.embed(), "mamba", (n, p, hd) -> cell(n, p, spec));
    }

    private static RecurrentGraph.Cell cell(Net net, String p, Mamba spec) {
        var tf = net.tf;
        var nn = net.nn;
        int e = spec.embed();
        int inner = 2 * e;
        int states = spec.state();
        int rank = spec.dtRank();
        int k = Mamba.CONV;
        var lnG = net.param(p + "ln/g", Init.constant(1), e);
        var lnB = net.param(p + "ln/b", Init.constant(0), e);
        var inW = net.param(p + "in/w", Init.uniform(1 / Math.sqrt(e)), e, 2L * inner);
        var convW = net.param(p + "conv/w", Init.uniform(1 / Math.sqrt(k)), k, inner);
        var convB = net.param(p + "conv/b", Init.uniform(1 / Math.sqrt(k)), inner);
        var xDt = net.param(p + "x_dt/w", Init.uniform(1 / Math.sqrt(inner)), inner, rank);
        var dtW = net.param(p + "dt/w", Init.uniform(1 / Math.sqrt(rank)), rank, inner);
        var dtB = net.param(p + "dt/b", Init.constant(Math.log(Math.expm1(0.01))), inner); // softplus(b) = 0.01 at the start
        var xB = net.param(p + "x_b/w", Init.uniform(1 / Math.sqrt(inner)), inner, states);
        var xC = net.param(p + "x_c/w", Init.uniform(1 / Math.sqrt(inner)), inner, states);
        var aLog = net.param(p + "a_log", Init.logRamp(states), inner, states);
        var d = net.param(p + "d", Init.constant(1), inner);
        var outW = net.param(p + "out/w", Init.uniform(1 / Math.sqrt(inner)), inner, e);
        net.countDense(e, 2L * inner);
        net.countDense(inner, rank);
        net.countDense(rank, inner);
        net.countDense(inner, 2L * states);
        net.countDense(inner, e);
        net.countDense(inner, 3L * states); // the state update and read (elementwise over inner × N)
        Operand<TFloat32> a = tf.math.neg(tf.math.exp(aLog)); // [inner, N]
        return new RecurrentGraph.Cell() {
            @Override
            public List<Operand<TFloat32>> initial(Operand<TFloat32> zeros) {
                var batch = net.batch;
                return List.of(zeros, tf.zeros(nn.stack(List.of(batch, tf.constant(inner * states))), TFloat32.class),
                        tf.zeros(nn.stack(List.of(batch, tf.constant((k - 1) * inner))), TFloat32.class));
            }

            @Override
            public List<Operand<TFloat32>> step(Operand<TFloat32> x, List<Operand<TFloat32>> state) {
                var u = nn.layerNorm(x, lnG, lnB);
                var both = tf.split(tf.constant(1), tf.linalg.matMul(u, inW), 2L).output();
                Operand<TFloat32> xs = both.get(0);
                Operand<TFloat32> z = both.get(1);
                // causal depthwise convolution over the last k inputs: the buffer holds the k − 1 before this one
                Operand<TFloat32> inputs = tf.concat(List.of(state.get(2), xs), tf.constant(1)); // [B, k·inner], oldest first
                var window = tf.reshape(inputs, nn.stack(List.of(net.batch, tf.constant(k), tf.constant(inner))));
                var conv = tf.math.add(tf.reduceSum(tf.math.mul(window, convW), tf.constant(1)), convB);
                var xc = silu(conv);
                var nextBuffer = tf.slice(inputs, nn.shape(0, inner), nn.stack(List.of(net.batch, tf.constant((k - 1) * inner))));
                var delta = softplus(tf.math.add(tf.linalg.matMul(tf.linalg.matMul(xc, xDt), dtW), dtB)); // [B, inner]
                var b = tf.linalg.matMul(xc, xB); // [B, N]
                var c = tf.linalg.matMul(xc, xC);
                var shape3 = nn.stack(List.of(net.batch, tf.constant(inner), tf.constant(states)));
                var h = tf.reshape(state.get(1), shape3);
                var delta3 = tf.expandDims(delta, tf.constant(2)); // [B, inner, 1]
                var decay = tf.math.exp(tf.math.mul(delta3, a)); // [B, inner, N]
                var drive = tf.math.mul(tf.expandDims(tf.math.mul(delta, xc), tf.constant(2)), tf.expandDims(b, tf.constant(1)));
                var nextH = tf.math.add(tf.math.mul(decay, h), drive);
                var y = tf.math.add(tf.reduceSum(tf.math.mul(nextH, tf.expandDims(c, tf.constant(1))), tf.constant(2)), tf.math.mul(d, xc));
                var out = tf.math.add(x, tf.linalg.matMul(tf.math.mul(y, silu(z)), outW));
                return List.of(out, tf.reshape(nextH, nn.stack(List.of(net.batch, tf.constant(inner * states)))), nextBuffer);
            }

            private Operand<TFloat32> silu(Operand<TFloat32> v) {
                return tf.math.mul(v, tf.math.sigmoid(v));
            }

            /** log(1 + e^v), computed as max(v, 0) + log(1 + e^−|v|) so large v do not overflow. */
            private Operand<TFloat32> softplus(Operand<TFloat32> v) {
                return tf.math.add(tf.math.maximum(v, nn.f(0)), tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(v)))));
            }
        };
    }

}
