package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;

/**
 * Reddy's (2023) network for bursty in-context classification, as his JAX code (the tfburns port) builds it: the
 * prompt's tokens themselves as the stream (no read-in; Reddy's tokens carry their one-hot positions), {@code layers}
 * causal softmax-attention layers with {@code heads} heads each, every head adding softmax(q kᵀ + mask) v to the
 * stream (q = W_Q x and k = W_K x of width {@code keyWidth}, v = W_V x as wide as the stream; no bias, no output
 * projection, no LayerNorm, no MLP, and no 1/√keyWidth unless {@code scaled}), then a classifier of
 * {@code headLayers} ReLU layers as wide as the stream (each relu(x W + b) with one scalar bias), and a bias-free
 * read-out. Projections start N(0, 1/√initWidth) with initWidth the stream's width by default (Reddy: 1/√D, D the
 * content dimensions of a token, {@code initWidth: D}), the classifier's weights N(0, √(2/width)) and biases
 * N(0, √(1/width)), the read-out N(0, 1/√width).
 *
 * <pre>
 * Java:   new AttentionClassifier(2, 1, 0, 3, false, 63, 17)   Groovy:  model attentionClassifier(layers: 2, headLayers: 3, initWidth: 63, positions: 17)
 * </pre>
 */
@Setting("Reddy's attention-only network: the tokens as the stream, softmax attention without LayerNorm, projection or MLP, then a ReLU classifier.")
@Word("attentionClassifier")
public record AttentionClassifier(
        @Setting(value = "Attention layers.", range = "> 0") int layers,
        @Setting(value = "Heads per layer, each adding its own values to the stream.", range = "> 0") int heads,
        @Setting(value = "Width of queries and keys; 0: the stream's width.", range = ">= 0") int keyWidth,
        @Setting(value = "ReLU layers of the classifier after the attention layers (Reddy: 3).", range = ">= 0") int headLayers,
        @Setting(value = "Scale the attention scores by 1/sqrt(keyWidth) (Reddy: no).") boolean scaled,
        @Setting(value = "The projections start N(0, 1/sqrt(initWidth)); 0: the stream's width (Reddy: the content dimensions D).",
                range = ">= 0") int initWidth,
        @Setting(value = "The most tokens (pairs, for (x, y) prompts) a prompt may hold.", range = "> 0") int positions) implements Model {
    public AttentionClassifier {
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(heads > 0, "heads", "must be > 0", heads)
                .require(keyWidth >= 0, "keyWidth", "must be >= 0 (0: the stream's width)", keyWidth)
                .require(headLayers >= 0, "headLayers", "must be >= 0", headLayers)
                .require(initWidth >= 0, "initWidth", "must be >= 0 (0: the stream's width)", initWidth)
                .require(positions > 0, "positions", "must be > 0", positions)
                .throwIfAny();
    }

    /** Reddy's: 2 layers of one head, keys as wide as the stream, a 3-layer ReLU classifier, no scaling. */
    public AttentionClassifier(int positions) {
        this(2, 1, 0, 3, false, 0, positions);
    }

    /** None: Reddy's tokens carry their positions. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }

    @Override
    public Integer depth() {
        return layers;
    }

    @Override
    public String summary() {
        return String.format(java.util.Locale.ROOT, "attentionClassifier %d layer%s, %d head%s, a %d-layer ReLU classifier", layers,
                layers == 1 ? "" : "s", heads, heads == 1 ? "" : "s", headLayers);
    }
}
