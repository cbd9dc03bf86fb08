package org.iclab.graph;

import java.util.List;
import org.iclab.spec.prompt.Prompt;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What an architecture builds its forward pass from: the ops, the parameter factory, the prompt's tokens and
 * layout, the batch and token counts (dynamic scalars), and a counter of forward FLOPs per token (2 per
 * multiply-add of a matrix product, at {@code referenceTokens} tokens; element-wise ops are not counted).
 */
public final class Net {
    /** Creates a trainable parameter; parameters are created once and initialised in creation order. */
    interface Params {
        Variable<TFloat32> create(String name, Init init, long... shape);
    }

    final Ops tf;
    final Layers nn;
    final Params params;
    final PromptLayout layout;
    final Operand<TFloat32> tokens;
    final Operand<TInt32> batch;
    final Operand<TInt32> points;
    final Operand<TInt32> tokenCount;
    final int maxTokens;
    final int referenceTokens;
    final String positional;
    /** Numbers the read-out gives per token: 1 for (x, y) prompts, the vocabulary's size (logits) for token prompts. */
    final int outputs;
    private long flops;
    private Dropout dropout;

    Net(Ops tf, Layers nn, Params params, PromptLayout layout, Operand<TFloat32> tokens, Operand<TInt32> batch,
        Operand<TInt32> points, Operand<TInt32> tokenCount, int maxTokens, int referenceTokens, String positional, int outputs) {
        this.tf = tf;
        this.nn = nn;
        this.params = params;
        this.layout = layout;
        this.tokens = tokens;
        this.batch = batch;
        this.points = points;
        this.tokenCount = tokenCount;
        this.maxTokens = maxTokens;
        this.referenceTokens = referenceTokens;
        this.positional = positional;
        this.outputs = outputs;
    }

    /**
     * x with dropout at {@code rate} in training steps ({@link Dropout}); {@code dims} give x's shape, each a dimension
     * or a dynamic count. The switch and seed placeholders are made at the first site with a rate above 0.
     */
    Operand<TFloat32> dropout(Operand<TFloat32> x, double rate, List<Operand<TInt32>> dims) {
        if (rate <= 0) {
            return x;
        }
        if (dropout == null) {
            dropout = new Dropout(tf, nn);
        }
        return dropout.apply(x, nn.stack(dims), rate);
    }

    /** The flat stream [batch·tokens, width] with dropout at {@code rate} in training steps. */
    Operand<TFloat32> dropoutFlat(Operand<TFloat32> x, double rate, int width) {
        return rate <= 0 ? x : dropout(x, rate, List.of(tf.math.mul(batch, tokenCount), tf.constant(width)));
    }

    /** The dropout the forward pass built, or null where it has none. */
    Dropout dropout() {
        return dropout;
    }

    Variable<TFloat32> param(String name, Init init, long... shape) {
        return params.create(name, init, shape);
    }

    /** Counts a [tokens, in] · [in, out] product. */
    void countDense(long in, long out) {
        flops += 2 * in * out;
    }

    /** Counts the two attention products of one head of width {@code width} against every token of the reference prompt. */
    void countAttention(long width) {
        flops += 2L * 2 * referenceTokens * width;
    }

    long flops() {
        return flops;
    }

    /** [rows, in] · w + b, counted. */
    Operand<TFloat32> dense(Operand<TFloat32> x, Variable<TFloat32> w, Variable<TFloat32> b, long in, long out) {
        countDense(in, out);
        return b == null ? tf.linalg.matMul(x, w) : nn.dense(x, w, b);
    }

    /**
     * The read-out [batch·tokens, outputs] per token: [batch, tokens] where the read-out gives one number,
     * [batch, tokens, outputs] (logits) for token prompts.
     */
    Operand<TFloat32> perToken(Operand<TFloat32> out) {
        return outputs == 1 ? tf.reshape(out, nn.stack(List.of(batch, tokenCount)))
                : tf.reshape(out, nn.stack(List.of(batch, tokenCount, tf.constant(outputs))));
    }

    /** [batch·tokens, width] → [batch, tokens, width]. */
    Operand<TFloat32> unflatten(Operand<TFloat32> x, int width) {
        return tf.reshape(x, nn.stack(List.of(batch, tokenCount, tf.constant(width))));
    }

    /** The positional encoding [tokens, width] to add, or null where the prompt has none. */
    Operand<TFloat32> positions(int width, String paramName) {
        return switch (positional) {
            case Prompt.NONE -> null;
            case Prompt.SINUSOIDAL -> tf.slice(tf.constant(PromptLayout.sinusoids(maxTokens, width)), nn.shape(0, 0),
                    nn.stack(List.of(tokenCount, tf.constant(width))));
            default -> tf.slice(param(paramName, Init.normal(0.02), maxTokens, width), nn.shape(0, 0),
                    nn.stack(List.of(tokenCount, tf.constant(width))));
        };
    }

    /** The additive softmax mask for the current prompt length. */
    Operand<TFloat32> softmaxMask() {
        return PromptLayout.corner(tf, nn, layout.softmaxMask(maxTokens), tokenCount);
    }

    /** The linear-attention weights for the current prompt length. */
    Operand<TFloat32> linearWeights() {
        return PromptLayout.corner(tf, nn, layout.linearWeights(maxTokens), tokenCount);
    }
}
