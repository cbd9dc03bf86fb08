package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * A stack of causal sequence layers over the longest prompt the experiment uses: tokens are zero-padded at the end to
 * that length (a causal layer never reads ahead, so padding cannot change an earlier output), read in linearly
 * ({@code read_in}), passed through the layers, cut back to the prompt's length and read out linearly
 * ({@code read_out}). A layer is either a cell unrolled step by step ({@link LstmGraph}, {@link GruGraph}) or a
 * whole-sequence graph ({@link MambaGraph}); nothing else differs.
 */
final class RecurrentGraph {
    /** One layer's cell, its parameters created: a step from input x_t and the state to the next state. */
    interface Cell {
        /** The state before the first token (h first; h is also the layer's output). */
        List<Operand<TFloat32>> initial(Operand<TFloat32> zeros);

        /** The state after reading {@code x} [batch, hidden]; element 0 is h. */
        List<Operand<TFloat32>> step(Operand<TFloat32> x, List<Operand<TFloat32>> state);
    }

    /** Creates layer {@code layer}'s parameters (named with {@code prefix}) and counts its products. */
    @FunctionalInterface
    interface CellFactory {
        Cell create(Net net, String prefix, int hidden);
    }

    /** One layer over the whole padded sequence: [batch, steps, hidden] → [batch, steps, hidden], causal. */
    @FunctionalInterface
    interface Layer {
        Operand<TFloat32> apply(Operand<TFloat32> input);
    }

    /** Creates layer {@code layer}'s parameters (named with {@code prefix}) and counts its products. */
    @FunctionalInterface
    interface LayerFactory {
        Layer create(Net net, String prefix, int hidden);
    }

    private RecurrentGraph() {
    }

    /** A stack of cells, each unrolled over the padded length. */
    static Forward build(Net net, int layers, int hd, String name, CellFactory cells) {
        return buildLayers(net, layers, hd, name, (n, p, h) -> unrolled(n, cells.create(n, p, h), h));
    }

    private static Layer unrolled(Net net, Cell cell, int hd) {
        var tf = net.tf;
        int steps = net.maxTokens;
        return input -> {
            var inputs = tf.unstack(input, (long) steps, Unstack.axis(1L)).output(); // steps × [B, hd]
            var zeros = tf.zeros(net.nn.stack(List.of(net.batch, tf.constant(hd))), TFloat32.class);
            List<Operand<TFloat32>> state = cell.initial(zeros);
            List<Operand<TFloat32>> outputs = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                state = cell.step(inputs.get(t), state);
                outputs.add(state.get(0));
            }
            return tf.stack(outputs, org.tensorflow.op.core.Stack.axis(1L)); // [B, steps, hd]
        };
    }

    static Forward buildLayers(Net net, int layers, int hd, String name, LayerFactory factory) {
        var tf = net.tf;
        var nn = net.nn;
        int w = net.layout.width();
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
        for (int l = 0; l < layers; l++) {
            input = factory.create(net, name + l + "/", hd).apply(input);
            hidden.add(tf.withName(CompiledModel.HIDDEN + (l + 1)).identity(cut(net, input, hd)));
        }
        double outFan = 1 / Math.sqrt(hd);
        var readOutW = net.param("read_out/w", Init.uniform(outFan), hd, net.outputs);
        var readOutB = net.param("read_out/b", Init.uniform(outFan), net.outputs);
        var last = tf.reshape(hidden.get(hidden.size() - 1), nn.shape(-1, hd));
        var out = net.perToken(net.dense(last, readOutW, readOutB, hd, net.outputs));
        return new Forward(out, hidden, hidden, List.of(), hd, 0, net.flops(), null);
    }

    /** [B, steps, hd] → its first T tokens. */
    private static Operand<TFloat32> cut(Net net, Operand<TFloat32> x, int hd) {
        return net.tf.slice(x, net.nn.shape(0, 0, 0), net.nn.stack(List.of(net.tf.constant(-1), net.tokenCount, net.tf.constant(hd))));
    }
}
