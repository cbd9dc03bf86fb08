package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;
/**
 * Von Oswald et al.'s linear self-attention: attention-only blocks without softmax, LayerNorm or MLP. Each layer
 * adds Σ_h P_h V_h E (E^T K_h^T Q_h e) / n to every token e, where n is the number of examples the token can see
 * and every head is as wide as the stream. With {@code embed} 0 the stream is the prompt's tokens themselves
 * (no read-in) and the prediction is the y coordinate of the query token's final state, as in von Oswald et al.;
 * with {@code embed} > 0 a linear read-in and read-out surround the layers. {@code softmaxFirst} makes the first
 * layer ordinary softmax attention.
 *
 * <pre>
 * Java:   Iclab.linearAttention(1)            Groovy:  model linearAttention(layers: 1)
 * </pre>
 */
@Setting("Von Oswald et al.'s linear self-attention: attention without softmax, LayerNorm or MLP.")
@Word("linearAttention")
public record LinearAttention(
        @Setting(value = "Number of linear self-attention layers.", range = "> 0") int layers,
        @Setting(value = "Heads per layer, each as wide as the stream.", range = "> 0") int heads,
        @Setting(value = "Width of the stream; 0 works on the prompt's tokens directly and reads the prediction from the query's y coordinate.", range = ">= 0", defaults = "0") int embed,
        @Setting(value = "The first layer is softmax attention (von Oswald et al.'s variant).", defaults = "false") boolean softmaxFirst,
        @Setting(value = "The most (x, y) pairs a prompt may hold.", range = "> 0", defaults = "101") int positions) implements Model {
    public LinearAttention {
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(heads > 0, "heads", "must be > 0", heads)
                .require(embed >= 0, "embed", "must be >= 0 (0: the prompt's tokens are the stream)", embed)
                .require(positions > 0, "positions", "must be > 0", positions)
                .throwIfAny();
    }

    /** One head, the tokens as the stream, no softmax layer. */
    public LinearAttention(int layers) {
        this(layers, 1, 0, false, Gpt2.DEFAULT_POSITIONS);
    }

    @Override
    public String cannotRead(Prompt prompt) {
        return prompt.readsTokens() ? "must hold (x, y) pairs for linearAttention (it reads the query's y coordinate or a"
                + " scalar read-out, not a vocabulary)" : null;
    }

    /** None: von Oswald et al.'s linear self-attention reads the raw tokens. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }
}
