package org.iclab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.model.Looped;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Yang et al.'s looped transformer ({@code TransformerModelLooped}): the prompt is embedded once (x); the backbone
 * f (positions added, the block's layers, the final LayerNorm) is applied loop after loop to z + x (injection add,
 * z starting at 0) or to z (injection none, z starting at x); the read-out reads z after any loop. The pass for the
 * default loop count is built with the model; other counts, and the truncated passes training differentiates, are
 * added to the graph when first asked for.
 */
final class LoopedGraph implements Forward.Looping {
    private final Net net;
    private final Looped spec;
    private final Gpt2 block;
    private final int e;
    private final Gpt2Graph.Weights weights;
    private final Operand<TFloat32> embedded; // [B·T, e]
    private final Operand<TFloat32> mask;
    private final List<Operand<TFloat32>> states = new ArrayList<>(); // states.get(i) = z after i loops (flat)
    private final Map<Integer, Operand<TFloat32>> outs = new HashMap<>();
    private final Map<Integer, List<Operand<TFloat32>>> windows = new HashMap<>();
    private final List<Operand<TFloat32>> attention = new ArrayList<>();

    private LoopedGraph(Net net, Looped spec) {
        this.net = net;
        this.spec = spec;
        this.block = spec.block();
        this.e = block.embed();
        weights = Gpt2Graph.Weights.create(net, block);
        embedded = weights.readIn(net);
        mask = net.softmaxMask();
        states.add(spec.injection().equals(Looped.ADD) ? net.tf.zerosLike(embedded) : embedded);
    }

    static Forward build(Net net, Looped spec) {
        LoopedGraph g = new LoopedGraph(net, spec);
        var tf = net.tf;
        Operand<TFloat32> out = g.outAfter(spec.loops());
        List<Operand<TFloat32>> hidden = new ArrayList<>();
        hidden.add(tf.withName(CompiledModel.HIDDEN + 0).identity(net.unflatten(g.embedded, g.e)));
        for (int i = 1; i <= spec.loops(); i++) {
            hidden.add(tf.withName(CompiledModel.HIDDEN + i).identity(net.unflatten(g.states.get(i), g.e)));
        }
        // The forward cost of the default pass, counted as it was built: read-in and read-out once, the backbone once
        // per loop. Passes built later (other loop counts, training windows) add to the counter after this reading.
        return new Forward(out, hidden, hidden, List.copyOf(g.attention), g.e, g.block.heads(), net.flops(), g);
    }

    /** f(input): positions, the block's layers, the final LayerNorm; attention weights kept when {@code name} is set. */
    private Operand<TFloat32> backbone(Operand<TFloat32> input, String attentionName, List<Operand<TFloat32>> attentionSink) {
        var tf = net.tf;
        Operand<TFloat32> x = input;
        if (weights.positions() != null) {
            x = tf.reshape(tf.math.add(net.unflatten(x, e), weights.positions()), net.nn.shape(-1, e));
        }
        List<Gpt2Graph.Block> blocks = weights.blocks();
        for (int l = 0; l < blocks.size(); l++) {
            x = Gpt2Graph.apply(net, block, blocks.get(l), x, mask, attentionSink, attentionName == null ? null : attentionName + l);
        }
        return weights.finalNorm(net, x);
    }

    private Operand<TFloat32> step(Operand<TFloat32> z) {
        return spec.injection().equals(Looped.ADD) ? net.tf.math.add(z, embedded) : z;
    }

    @Override
    public Operand<TFloat32> outAfter(int loops) {
        while (states.size() <= loops) {
            int i = states.size(); // building loop i (1-based)
            List<Operand<TFloat32>> sink = i <= spec.loops() ? attention : new ArrayList<>();
            String name = i <= spec.loops() ? "loop" + i + "_" + CompiledModel.ATTENTION : null;
            states.add(backbone(step(states.get(i - 1)), name, sink));
        }
        return outs.computeIfAbsent(loops, b -> weights.readOut(net, states.get(b)));
    }

    @Override
    public List<Operand<TFloat32>> windowOuts(int loops) {
        return windows.computeIfAbsent(loops, b -> {
            int window = Math.min(spec.window(), b);
            int start = b - window;
            List<Operand<TFloat32>> result = new ArrayList<>();
            if (start == 0) {
                for (int i = 1; i <= b; i++) {
                    result.add(outAfter(i));
                }
                return result;
            }
            outAfter(start);
            Operand<TFloat32> z = net.tf.stopGradient(states.get(start)); // loops before the window are not differentiated
            for (int i = start + 1; i <= b; i++) {
                z = backbone(step(z), null, new ArrayList<>());
                result.add(weights.readOut(net, z));
            }
            return result;
        });
    }
}
