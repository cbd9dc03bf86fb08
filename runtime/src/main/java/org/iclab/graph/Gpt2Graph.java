package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.model.Gpt2;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Garg et al.'s GPT-2: read-in, positions, pre-LayerNorm blocks (causal softmax attention, tanh-GELU MLP), final
 * LayerNorm, read-out. The switches remove every LayerNorm ({@code layerNorm false}) or every MLP ({@code mlp
 * false}). Parameter names and creation order are those of the first iclab releases, so their checkpoints restore
 * and a seed gives the same initial model.
 */
final class Gpt2Graph {
    private Gpt2Graph() {
    }

    /** One block's parameters; LayerNorm or MLP parameters are null where the switch removes them. */
    record Block(Variable<TFloat32> ln1g, Variable<TFloat32> ln1b, Variable<TFloat32> attnW, Variable<TFloat32> attnB,
                 Variable<TFloat32> projW, Variable<TFloat32> projB, Variable<TFloat32> ln2g, Variable<TFloat32> ln2b,
                 Variable<TFloat32> fcW, Variable<TFloat32> fcB, Variable<TFloat32> fcProjW, Variable<TFloat32> fcProjB) {
    }

    /**
     * The parameters around the blocks and the blocks themselves, created in GPT-2's order (read-in, positions,
     * blocks, final LayerNorm, read-out); shared by GPT-2 and the looped model, which differ only in how they apply
     * the blocks.
     */
    record Weights(Gpt2 spec, int width, Variable<TFloat32> readInW, Variable<TFloat32> readInB, Operand<TFloat32> positions,
                   List<Block> blocks, Variable<TFloat32> lnFGain, Variable<TFloat32> lnFBias,
                   Variable<TFloat32> readOutW, Variable<TFloat32> readOutB, NgramLayer ngram) {
        static Weights create(Net net, Gpt2 spec) {
            int e = spec.embed();
            int w = net.layout.width();
            double fanIn = 1 / Math.sqrt(w);
            var readInW = net.param("read_in/w", Init.uniform(fanIn), w, e);
            var readInB = net.param("read_in/b", Init.uniform(fanIn), e);
            Operand<TFloat32> positions = net.positions(e, "wpe");
            List<Block> blocks = Gpt2Graph.blocks(net, spec, spec.layers());
            Variable<TFloat32> lnFGain = spec.layerNorm() ? net.param("ln_f/g", Init.constant(1), e) : null;
            Variable<TFloat32> lnFBias = spec.layerNorm() ? net.param("ln_f/b", Init.constant(0), e) : null;
            double outFan = 1 / Math.sqrt(e);
            var readOutW = net.param("read_out/w", Init.uniform(outFan), e, net.outputs);
            var readOutB = net.param("read_out/b", Init.uniform(outFan), net.outputs);
            // created last, so that a model without one keeps its parameters and initial values
            NgramLayer ngram = spec.ngramHead() > 0 ? NgramLayer.create(net, spec) : null;
            return new Weights(spec, w, readInW, readInB, positions, blocks, lnFGain, lnFBias, readOutW, readOutB, ngram);
        }

        /** The read-in of the prompt's tokens, flat [batch·tokens, embed], without positions. */
        Operand<TFloat32> readIn(Net net) {
            return net.dense(net.tf.reshape(net.tokens, net.nn.shape(-1, width)), readInW, readInB, width, spec.embed());
        }

        /** The final LayerNorm (or none), as the read-out sees a flat state. */
        Operand<TFloat32> finalNorm(Net net, Operand<TFloat32> x) {
            return lnFGain == null ? x : net.nn.layerNorm(x, lnFGain, lnFBias);
        }

        /** The read-out of a flat state [batch·tokens, embed] per token ({@link Net#perToken}). */
        Operand<TFloat32> readOut(Net net, Operand<TFloat32> x) {
            return net.perToken(net.dense(x, readOutW, readOutB, spec.embed(), net.outputs));
        }
    }

    static Forward build(Net net, Gpt2 spec) {
        int e = spec.embed();
        Weights weights = Weights.create(net, spec);
        var tf = net.tf;
        Operand<TFloat32> embedded = net.unflatten(weights.readIn(net), e);
        if (weights.positions() != null) {
            embedded = tf.math.add(embedded, weights.positions());
        }
        List<Block> blocks = weights.blocks();
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        List<Operand<TFloat32>> attention = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(embedded));
        Operand<TFloat32> x = net.dropoutFlat(tf.reshape(embedded, net.nn.shape(-1, e)), spec.embedDropout(), e);
        if (weights.ngram() != null) {
            x = weights.ngram().apply(net, x);
        }
        Operand<TFloat32> mask = net.softmaxMask();
        for (int l = 0; l < blocks.size(); l++) {
            x = apply(net, spec, blocks.get(l), x, mask, attention, CompiledModel.ATTENTION + l);
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(net.unflatten(x, e)));
        }
        List<Operand<TFloat32>> normed = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            normed.add(tf.withName(CompiledModel.NORMED + l).identity(
                    net.unflatten(weights.finalNorm(net, tf.reshape(hidden.get(l), net.nn.shape(-1, e))), e)));
        }
        return new Forward(weights.readOut(net, weights.finalNorm(net, x)), hidden, normed, attention,
                e, spec.heads(), net.flops(), null);
    }

    /** The parameters of {@code layers} blocks, named h0/..., h1/..., created in GPT-2's order. */
    static List<Block> blocks(Net net, Gpt2 spec, int layers) {
        int e = spec.embed();
        double projStd = 0.02 / Math.sqrt(2.0 * layers);
        boolean ln = spec.layerNorm();
        List<Block> blocks = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String p = "h" + l + "/";
            var ln1g = ln ? net.param(p + "ln_1/g", Init.constant(1), e) : null;
            var ln1b = ln ? net.param(p + "ln_1/b", Init.constant(0), e) : null;
            var attnW = net.param(p + "attn/c_attn/w", Init.normal(0.02), e, 3 * e);
            var attnB = net.param(p + "attn/c_attn/b", Init.constant(0), 3 * e);
            var projW = net.param(p + "attn/c_proj/w", Init.normal(projStd), e, e);
            var projB = net.param(p + "attn/c_proj/b", Init.constant(0), e);
            Variable<TFloat32> ln2g = null;
            Variable<TFloat32> ln2b = null;
            Variable<TFloat32> fcW = null;
            Variable<TFloat32> fcB = null;
            Variable<TFloat32> fcProjW = null;
            Variable<TFloat32> fcProjB = null;
            if (spec.mlp()) {
                ln2g = ln ? net.param(p + "ln_2/g", Init.constant(1), e) : null;
                ln2b = ln ? net.param(p + "ln_2/b", Init.constant(0), e) : null;
                fcW = net.param(p + "mlp/c_fc/w", Init.normal(0.02), e, 4 * e);
                fcB = net.param(p + "mlp/c_fc/b", Init.constant(0), 4 * e);
                fcProjW = net.param(p + "mlp/c_proj/w", Init.normal(projStd), 4 * e, e);
                fcProjB = net.param(p + "mlp/c_proj/b", Init.constant(0), e);
            }
            blocks.add(new Block(ln1g, ln1b, attnW, attnB, projW, projB, ln2g, ln2b, fcW, fcB, fcProjW, fcProjB));
        }
        return blocks;
    }

    /** One block on the flat stream x [batch·tokens, embed]; its attention weights are added to {@code attention}. */
    static Operand<TFloat32> apply(Net net, Gpt2 spec, Block b, Operand<TFloat32> x, Operand<TFloat32> mask,
                                   List<Operand<TFloat32>> attention, String attentionName) {
        var tf = net.tf;
        var nn = net.nn;
        int e = spec.embed();
        var ln1 = b.ln1g() == null ? x : nn.layerNorm(x, b.ln1g(), b.ln1b());
        var qkv = net.dense(ln1, b.attnW(), b.attnB(), e, 3L * e);
        var merged = softmaxAttention(net, qkv, spec.heads(), e / spec.heads(), mask, attention, attentionName, spec.attentionDropout());
        x = tf.math.add(x, net.dropoutFlat(net.dense(merged, b.projW(), b.projB(), e, e), spec.residualDropout(), e));
        return mlp(net, b, x, e, spec.residualDropout());
    }

    /** The block's MLP sub-layer on x, residually (x itself where the block has none). */
    static Operand<TFloat32> mlp(Net net, Block b, Operand<TFloat32> x, int e) {
        return mlp(net, b, x, e, 0);
    }

    /** The block's MLP sub-layer on x, its output with dropout at {@code dropout} in training steps, residually. */
    static Operand<TFloat32> mlp(Net net, Block b, Operand<TFloat32> x, int e, double dropout) {
        if (b.fcW() == null) {
            return x;
        }
        var ln2 = b.ln2g() == null ? x : net.nn.layerNorm(x, b.ln2g(), b.ln2b());
        var fc = net.nn.gelu(net.dense(ln2, b.fcW(), b.fcB(), e, 4L * e));
        return net.tf.math.add(x, net.dropoutFlat(net.dense(fc, b.fcProjW(), b.fcProjB(), 4L * e, e), dropout, e));
    }

    /**
     * Multi-head causal attention from a fused projection qkv [batch·tokens, 3·heads·dh]: softmax(q kᵀ / √dh + mask) v,
     * heads merged back to [batch·tokens, heads·dh]. The weights [batch, heads, tokens, tokens] are kept, and named where a name is given.
     */
    static Operand<TFloat32> softmaxAttention(Net net, Operand<TFloat32> qkv, int heads, int dh, Operand<TFloat32> mask,
                                              List<Operand<TFloat32>> attention, String attentionName) {
        return softmaxAttention(net, qkv, heads, dh, mask, attention, attentionName, 0);
    }

    /** As above, the weights with dropout at {@code dropout} in training steps (the kept weights are the softmax's). */
    static Operand<TFloat32> softmaxAttention(Net net, Operand<TFloat32> qkv, int heads, int dh, Operand<TFloat32> mask,
                                              List<Operand<TFloat32>> attention, String attentionName, double dropout) {
        var tf = net.tf;
        var nn = net.nn;
        var qkvShape = nn.stack(List.of(net.batch, net.tokenCount, tf.constant(3), tf.constant(heads), tf.constant(dh)));
        // One transpose for all three: [B, T, 3, H, dh] -> [3, B, H, T, dh], then unstack.
        var parts = tf.unstack(tf.linalg.transpose(tf.reshape(qkv, qkvShape), tf.constant(new int[] {2, 0, 3, 1, 4})), 3L,
                org.tensorflow.op.core.Unstack.axis(0L)).output();
        var scores = tf.math.add(tf.math.mul(nn.batchMatMul(parts.get(0), parts.get(1), false, true), nn.f(1 / Math.sqrt(dh))), mask);
        var weights = (attentionName == null ? tf : tf.withName(attentionName)).nn.softmax(scores);
        attention.add(weights);
        net.countAttention((long) heads * dh);
        var dropped = net.dropout(weights, dropout, List.of(net.batch, tf.constant(heads), net.tokenCount, net.tokenCount));
        var attended = nn.batchMatMul(dropped, parts.get(2), false, false);
        return tf.reshape(tf.linalg.transpose(attended, tf.constant(new int[] {0, 2, 1, 3})), nn.shape(-1, heads * dh));
    }

    /**
     * Akyürek et al.'s hard-wired n-gram layer, as a residual block before the attention blocks: with u = LN(x),
     * x ← x + t0(A u) + t1(u), then the block's MLP where GPT-2 has MLPs. A [tokens, tokens] per sequence is fixed by
     * the token ids: A[m, j] = 1 / c_m where token j follows an earlier occurrence of the n tokens ending at m (tokens
     * j − n .. j − 1 equal tokens m − n + 1 .. m, and j < m), c_m the number of such j, and 0 where there are none.
     * The matches come from products of the one-hot rows: E_i = S_i S_iᵀ with S_i the one-hot sequence shifted by i.
     */
    record NgramLayer(int n, Variable<TFloat32> lnG, Variable<TFloat32> lnB, Variable<TFloat32> t0W, Variable<TFloat32> t0B,
                      Variable<TFloat32> t1W, Variable<TFloat32> t1B, Block mlp, float[][] strictlyLower) {
        static NgramLayer create(Net net, Gpt2 spec) {
            int e = spec.embed();
            double fan = 1 / Math.sqrt(e);
            boolean ln = spec.layerNorm();
            var lnG = ln ? net.param("ngram/ln/g", Init.constant(1), e) : null;
            var lnB = ln ? net.param("ngram/ln/b", Init.constant(0), e) : null;
            var t0W = net.param("ngram/t0/w", Init.uniform(fan), e, e);
            var t0B = net.param("ngram/t0/b", Init.uniform(fan), e);
            var t1W = net.param("ngram/t1/w", Init.uniform(fan), e, e);
            var t1B = net.param("ngram/t1/b", Init.uniform(fan), e);
            Block mlp = null;
            if (spec.mlp()) {
                double projStd = 0.02 / Math.sqrt(2.0 * spec.layers());
                mlp = new Block(null, null, null, null, null, null,
                        ln ? net.param("ngram/ln_2/g", Init.constant(1), e) : null, ln ? net.param("ngram/ln_2/b", Init.constant(0), e) : null,
                        net.param("ngram/mlp/c_fc/w", Init.normal(0.02), e, 4 * e), net.param("ngram/mlp/c_fc/b", Init.constant(0), 4 * e),
                        net.param("ngram/mlp/c_proj/w", Init.normal(projStd), 4 * e, e), net.param("ngram/mlp/c_proj/b", Init.constant(0), e));
            }
            float[][] lower = new float[net.maxTokens][net.maxTokens];
            for (int m = 0; m < net.maxTokens; m++) {
                for (int j = 0; j < m; j++) {
                    lower[m][j] = 1;
                }
            }
            return new NgramLayer(spec.ngramHead(), lnG, lnB, t0W, t0B, t1W, t1B, mlp, lower);
        }

        /** The layer on the flat stream x [batch·tokens, embed]. */
        Operand<TFloat32> apply(Net net, Operand<TFloat32> x) {
            var tf = net.tf;
            var nn = net.nn;
            long e = t0B.shape().size(0);
            Operand<TFloat32> onehot = net.tokens; // [B, T, V]: token prompts read ids as one-hot rows
            Operand<TFloat32> lower = PromptLayout.corner(tf, nn, strictlyLower, net.tokenCount);
            Operand<TFloat32> match = null;
            Operand<TFloat32> shifted = onehot;
            for (int i = 0; i < n; i++) {
                if (i > 0) { // S_i: the sequence moved i positions later, zero rows in front
                    shifted = shiftLater(net, shifted);
                }
                Operand<TFloat32> equal = nn.batchMatMul(shifted, shifted, false, true);
                match = match == null ? equal : tf.math.mul(match, equal);
            }
            // successors: A[m, j] = match[m, j − 1], kept where j < m
            Operand<TFloat32> successors = tf.math.mul(shiftColumnsLater(net, match), lower);
            Operand<TFloat32> counts = tf.math.maximum(tf.reduceSum(successors, tf.constant(2), org.tensorflow.op.core.ReduceSum.keepDims(true)),
                    nn.f(1));
            Operand<TFloat32> a = tf.math.div(successors, counts);
            Operand<TFloat32> u = lnG == null ? x : nn.layerNorm(x, lnG, lnB);
            Operand<TFloat32> averaged = tf.reshape(nn.batchMatMul(a, net.unflatten(u, (int) e), false, false), nn.shape(-1, (int) e));
            x = tf.math.add(x, tf.math.add(net.dense(averaged, t0W, t0B, e, e), net.dense(u, t1W, t1B, e, e)));
            return mlp == null ? x : Gpt2Graph.mlp(net, mlp, x, (int) e);
        }

        /** [B, T, V] moved one position later: a zero row first, the last row dropped. */
        private static Operand<TFloat32> shiftLater(Net net, Operand<TFloat32> s) {
            var tf = net.tf;
            var padded = tf.pad(s, tf.constant(new int[][] {{0, 0}, {1, 0}, {0, 0}}), tf.constant(0f));
            return tf.slice(padded, tf.constant(new int[] {0, 0, 0}), net.nn.stack(List.of(net.batch, net.tokenCount, tf.constant(-1))));
        }

        /** [B, T, T] with its columns moved one later: column j takes column j − 1, column 0 is zero. */
        private static Operand<TFloat32> shiftColumnsLater(Net net, Operand<TFloat32> m) {
            var tf = net.tf;
            var padded = tf.pad(m, tf.constant(new int[][] {{0, 0}, {0, 0}, {1, 0}}), tf.constant(0f));
            return tf.slice(padded, tf.constant(new int[] {0, 0, 0}), net.nn.stack(List.of(net.batch, net.tokenCount, net.tokenCount)));
        }
    }
}
