package org.iclab.graph;

import java.util.List;
import org.iclab.spec.prompt.Prompt;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A prompt format ({@link PromptFormat}) turned into tokens and attention masks: both formats give 2·points tokens, pair i as tokens 2i and 2i+1, and the
 * prediction for y_{i+1} is read at token 2i (the x token of an interleaved prompt, the query token of a stacked
 * one). What differs is what the tokens hold and which tokens a token may attend to:
 * <ul>
 * <li>interleaved: x_i, then y_i zero-padded; a token attends to every token up to itself (causal);</li>
 * <li>stacked: the query [x_i; 0], then the example [x_i; y_i]; an example attends to the examples up to itself, a
 * query to the examples before it and to itself.</li>
 * </ul>
 * In both, token r has seen ⌊(r + 1) / 2⌋ complete examples, which is what linear attention divides by.
 */
final class PromptLayout {
    private final Prompt prompt;
    private final PromptFormat<Prompt> format;
    private final int dims;
    private final int width;
    private final int yIndex;

    PromptLayout(Prompt prompt, int dims) {
        this.prompt = prompt;
        this.format = PromptFormat.of(prompt);
        this.dims = dims;
        this.width = prompt.width(dims);
        this.yIndex = prompt.yLast() ? width - 1 : 0;
    }

    /** Width of a token. */
    int width() {
        return width;
    }

    /** The coordinate of a token that holds y. */
    int yIndex() {
        return yIndex;
    }

    /** Tokens [batch, 2·points, width] of prompts xs [batch, points, dims], ys [batch, points]. */
    Operand<TFloat32> tokens(Ops tf, Layers nn, Operand<TFloat32> xs, Operand<TFloat32> ys, Operand<TInt32> batch, Operand<TInt32> tokenCount) {
        float[] yAxis = new float[width];
        yAxis[yIndex] = 1;
        Operand<TFloat32> yTokens = tf.math.mul(tf.expandDims(ys, tf.constant(-1)), tf.constant(yAxis));
        Operand<TFloat32> xTokens = xs;
        if (width > dims) { // one spare coordinate for y: before x when y comes first, after it when y is last
            int before = prompt.yLast() ? 0 : 1;
            xTokens = tf.pad(xs, tf.constant(new int[][] {{0, 0}, {0, 0}, {before, 1 - before}}), nn.f(0));
        }
        Operand<TFloat32> second = format.secondToken(tf, xTokens, yTokens);
        return tf.reshape(tf.stack(List.of(xTokens, second), org.tensorflow.op.core.Stack.axis(2L)),
                nn.stack(List.of(batch, tokenCount, tf.constant(width))));
    }

    /** Whether token {@code row} may attend to token {@code col}: the format's rule. */
    boolean allowed(int row, int col) {
        return format.allowed(row, col);
    }

    /** Complete examples token {@code row} has seen. */
    static int examplesSeen(int row) {
        return (row + 1) / 2;
    }

    /** Additive softmax mask [maxTokens, maxTokens]: 0 where attention is allowed, −1e9 elsewhere. */
    float[][] softmaxMask(int maxTokens) {
        float[][] mask = new float[maxTokens][maxTokens];
        for (int i = 0; i < maxTokens; i++) {
            for (int j = 0; j < maxTokens; j++) {
                mask[i][j] = allowed(i, j) ? 0f : -1e9f;
            }
        }
        return mask;
    }

    /** Linear-attention weights [maxTokens, maxTokens]: 1 / max(1, examples seen) where allowed, 0 elsewhere. */
    float[][] linearWeights(int maxTokens) {
        float[][] w = new float[maxTokens][maxTokens];
        for (int i = 0; i < maxTokens; i++) {
            float scale = 1f / Math.max(1, examplesSeen(i));
            for (int j = 0; j < maxTokens; j++) {
                w[i][j] = allowed(i, j) ? scale : 0f;
            }
        }
        return w;
    }

    /** The top-left [tokens, tokens] corner of a [max, max] matrix. */
    static Operand<TFloat32> corner(Ops tf, Layers nn, float[][] matrix, Operand<TInt32> tokens) {
        return tf.slice(tf.constant(matrix), nn.shape(0, 0), nn.stack(List.of(tokens, tokens)));
    }

    /** Vaswani et al.'s sinusoidal table [maxTokens, width]: sin on even columns, cos on odd ones. */
    static float[][] sinusoids(int maxTokens, int width) {
        float[][] table = new float[maxTokens][width];
        for (int pos = 0; pos < maxTokens; pos++) {
            for (int i = 0; i < width; i++) {
                double angle = pos / Math.pow(10000, (2 * (i / 2)) / (double) width);
                table[pos][i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
    }
}
