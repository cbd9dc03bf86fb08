package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;
/**
 * RetNet (Sun et al. 2023), as the in-context language learning comparison uses it: a linear read-in, then
 * {@code layers} blocks of multi-scale retention and a GELU MLP, each pre-LayerNorm and residual, a final LayerNorm
 * and a linear read-out. Retention is linear attention with a decay per head: head h (of H) gives
 * o_t = Σ_{s ≤ t} γ_h^{t−s} (q_t · k_s / √d_h) v_s with γ_h = 1 − 2^{−5−h}; the heads are normalised one by one
 * (GroupNorm without affine parameters), gated by swish(x W_G) and projected by W_O. Its recurrent form,
 * S_t = γ S_{t−1} + k_tᵀ v_t and o_t = q_t S_t, gives the same outputs (tested). Sun et al.'s xPos rotation of q and k
 * is left out: the decay orders the tokens, so no positional encoding is added by default.
 *
 * <pre>
 * Java:   Iclab.retnet(2, 2, 64)              Groovy:  model retnet(layers: 2, heads: 2, embed: 64)
 * </pre>
 */
@Setting("RetNet: blocks of multi-scale retention (linear attention with a per-head decay) and a GELU MLP.")
@Word("retnet")
public record RetNet(
        @Setting(value = "Blocks of retention and MLP.", range = "> 0") int layers,
        @Setting(value = "Retention heads per block, each with its own decay.", range = "> 0, divides embed") int heads,
        @Setting(value = "Width of the stream.", range = "> 0") int embed,
        @Setting(value = "The most (x, y) pairs (or tokens) a prompt may hold.", range = "> 0", defaults = "101") int positions) implements Model {
    public RetNet {
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(heads > 0, "heads", "must be > 0", heads)
                .require(embed > 0, "embed", "must be > 0", embed)
                .require(heads <= 0 || embed <= 0 || embed % heads == 0, "heads", "must divide embed", "heads " + heads + ", embed " + embed)
                .require(positions > 0, "positions", "must be > 0", positions)
                .throwIfAny();
    }

    public RetNet(int layers, int heads, int embed) {
        this(layers, heads, embed, Gpt2.DEFAULT_POSITIONS);
    }

    /** The decay of head {@code h}: 1 − 2^(−5−h). */
    public static double decay(int h) {
        return 1 - Math.pow(2, -5 - h);
    }

    @Override
    public Integer depth() {
        return layers;
    }

    /** None: the decay orders the tokens. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }
}
