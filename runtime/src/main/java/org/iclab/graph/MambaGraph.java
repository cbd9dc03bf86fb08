package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.model.Mamba;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * The Mamba block ({@link Mamba}) as a whole-sequence layer of {@link RecurrentGraph}. The projections, the
 * convolution, Δ, B and C are computed for all positions at once; the state update h_t = exp(Δ_t A) ⊙ h_{t−1} +
 * Δ_t x_t B_tᵀ and its read-out follow the spec's {@code scan}: position by position, each position's decay, drive
 * and read made from its own slices (the fastest on a CPU: 1.5× the steps/s of materialising them for the whole
 * sequence, docs/performance.md), or as a parallel prefix scan (Hillis–Steele) over the whole sequence's decays and
 * drives: ⌈log₂ T⌉ rounds, each composing every position's affine map with the one {@code offset} before it. Every
 * decay stays a product of factors in (0, 1], so nothing overflows. MambaTest checks both against the recurrence written out step by step in
 * Java. Parameters of block l, under
 * {@code mambaL/}: ln (g, b), in (embed → 2·inner), conv (w [4, inner], b), x_dt (inner → rank), dt (w, b),
 * x_b and x_c (inner → N), a_log [inner, N], d [inner], out (inner → embed); inner = 2·embed.
 */
final class MambaGraph {
    private MambaGraph() {
    }

    static Forward build(Net net, Mamba spec) {
        return RecurrentGraph.buildLayers(net, spec.layers(), spec.embed(), "mamba", (n, p, hd) -> layer(n, p, spec));
    }

    private static RecurrentGraph.Layer layer(Net net, String p, Mamba spec) {
        var tf = net.tf;
        var nn = net.nn;
        int e = spec.embed();
        int inner = 2 * e;
        int states = spec.state();
        int rank = spec.dtRank();
        int k = Mamba.CONV;
        int steps = net.maxTokens;
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
        var seq = nn.stack(List.of(net.batch, tf.constant(steps), tf.constant(inner)));
        var seqStates = nn.stack(List.of(net.batch, tf.constant(steps), tf.constant(states)));
        return x -> {
            var flat = tf.reshape(x, nn.shape(-1, e));
            var both = tf.split(tf.constant(1), tf.linalg.matMul(nn.layerNorm(flat, lnG, lnB), inW), 2L).output();
            Operand<TFloat32> xs = tf.reshape(both.get(0), seq);
            Operand<TFloat32> z = both.get(1); // [B·T, inner]
            // causal depthwise convolution: position t reads inputs t − 3 … t (zeros before the first)
            var padded = tf.pad(xs, tf.constant(new int[][] {{0, 0}, {k - 1, 0}, {0, 0}}), nn.f(0));
            Operand<TFloat32> conv = convB;
            for (int j = 0; j < k; j++) {
                var window = tf.slice(padded, nn.shape(0, j, 0), nn.shape(-1, steps, inner));
                conv = tf.math.add(conv, tf.math.mul(window, tf.slice(convW, nn.shape(j, 0), nn.shape(1, inner))));
            }
            var xc = tf.reshape(nn.silu(conv), nn.shape(-1, inner)); // [B·T, inner]
            var delta = nn.softplus(tf.math.add(tf.linalg.matMul(tf.linalg.matMul(xc, xDt), dtW), dtB));
            var b = tf.reshape(tf.linalg.matMul(xc, xB), seqStates); // [B, T, N]
            var c = tf.reshape(tf.linalg.matMul(xc, xC), seqStates);
            Operand<TFloat32> read;
            if (Mamba.PARALLEL.equals(spec.scan())) {
                var delta4 = tf.expandDims(tf.reshape(delta, seq), tf.constant(3)); // [B, T, inner, 1]
                Operand<TFloat32> decay = tf.math.exp(tf.math.mul(delta4, a)); // [B, T, inner, N]
                Operand<TFloat32> drive = tf.math.mul(tf.expandDims(tf.reshape(tf.math.mul(delta, xc), seq), tf.constant(3)),
                        tf.expandDims(b, tf.constant(2)));
                var h = parallelScan(net, decay, drive, inner, states);
                read = tf.reshape(tf.reduceSum(tf.math.mul(h, tf.expandDims(c, tf.constant(2))), tf.constant(3)), nn.shape(-1, inner));
            } else {
                read = tf.reshape(sequentialScan(net, tf.reshape(delta, seq), tf.reshape(tf.math.mul(delta, xc), seq), b, c, a),
                        nn.shape(-1, inner));
            }
            var y = tf.math.add(read, tf.math.mul(d, xc));
            return tf.math.add(x, tf.reshape(tf.linalg.matMul(tf.math.mul(y, nn.silu(z)), outW), nn.stack(List.of(net.batch, tf.constant(steps), tf.constant(e)))));
        };
    }

    /**
     * The read-out Σ_n C_t[n] h_t[n, ·] [B, T, inner] of the state h_t = exp(Δ_t A) ⊙ h_{t−1} + B_t (Δ_t x_t)ᵀ from
     * h_0 = 0, one position after the other, from Δ and Δ·x [B, T, inner], B and C [B, T, N] and A [inner, N].
     * Each position's decay, drive and read are made inside the loop from that position's slices, so that every
     * operation works on one position's [B, N, inner] (in cache) rather than on the whole sequence's: the state is
     * laid out states before channels, so the channels are the contiguous axis and the broadcasts of Δ_t and Aᵀ run
     * along rows, and the drive (an outer product) and the read are batched matrix products. Time-major slicing
     * (unstacking the first axis) hands out views of one buffer rather than copies.
     */
    private static Operand<TFloat32> sequentialScan(Net net, Operand<TFloat32> delta, Operand<TFloat32> drive, Operand<TFloat32> b,
                                                    Operand<TFloat32> c, Operand<TFloat32> a) {
        var tf = net.tf;
        var nn = net.nn;
        long steps = net.maxTokens;
        var timeMajor = tf.constant(new int[] {1, 0, 2});
        var aT = tf.linalg.transpose(a, tf.constant(new int[] {1, 0})); // [N, inner]
        var deltas = tf.unstack(tf.expandDims(tf.linalg.transpose(delta, timeMajor), tf.constant(2)), steps).output(); // [B, 1, inner]
        var drives = tf.unstack(tf.expandDims(tf.linalg.transpose(drive, timeMajor), tf.constant(2)), steps).output(); // [B, 1, inner]
        var bs = tf.unstack(tf.expandDims(tf.linalg.transpose(b, timeMajor), tf.constant(3)), steps).output(); // [B, N, 1]
        var cs = tf.unstack(tf.expandDims(tf.linalg.transpose(c, timeMajor), tf.constant(2)), steps).output(); // [B, 1, N]
        List<Operand<TFloat32>> ys = new ArrayList<>();
        Operand<TFloat32> h = null;
        for (int t = 0; t < steps; t++) {
            Operand<TFloat32> in = nn.batchMatMul(bs.get(t), drives.get(t), false, false); // [B, N, inner]
            h = t == 0 ? in : tf.math.add(tf.math.mul(tf.math.exp(tf.math.mul(deltas.get(t), aT)), h), in);
            ys.add(nn.batchMatMul(cs.get(t), h, false, false)); // [B, 1, inner]
        }
        return tf.linalg.transpose(tf.squeeze(tf.stack(ys), Squeeze.axis(List.of(2L))), timeMajor);
    }

    /** h [B, T, inner, N] from h_0 = 0 by composing affine maps in ⌈log₂ T⌉ rounds. */
    private static Operand<TFloat32> parallelScan(Net net, Operand<TFloat32> decay, Operand<TFloat32> drive, int inner, int states) {
        var tf = net.tf;
        int steps = net.maxTokens;
        for (int offset = 1; offset < steps; offset *= 2) {
            var nextDrive = tf.math.add(drive, tf.math.mul(decay, shift(net, drive, offset, 0, inner, states)));
            if (2 * offset < steps) {
                decay = tf.math.mul(decay, shift(net, decay, offset, 1, inner, states));
            }
            drive = nextDrive; // position t now composes the maps of positions t − 2·offset + 1 … t
        }
        return drive;
    }

    /** v [B, T, inner, N] moved {@code offset} positions later, the first {@code offset} filled with {@code fill}. */
    private static Operand<TFloat32> shift(Net net, Operand<TFloat32> v, int offset, float fill, int inner, int states) {
        var tf = net.tf;
        var kept = tf.slice(v, net.nn.shape(0, 0, 0, 0), net.nn.shape(-1, net.maxTokens - offset, inner, states));
        return tf.pad(kept, tf.constant(new int[][] {{0, 0}, {offset, 0}, {0, 0}, {0, 0}}), net.nn.f(fill));
    }
}
