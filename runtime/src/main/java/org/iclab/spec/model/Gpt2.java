package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.SpecException;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;
import java.util.List;
import java.util.Map;

/**
 * Garg et al.'s GPT-2 backbone: a linear read-in d→embed, learned positions, pre-LayerNorm blocks with causal
 * multi-head attention and a 4·embed tanh-GELU MLP, a final LayerNorm and a linear read-out embed→1. Dropout (off by
 * default, as in Garg et al.'s runs) is GPT-2's: on the embedded prompt, on the attention weights after the softmax, and
 * on each sub-layer's output before it joins the residual stream; in training steps only, seeded by the run's seed and
 * the step (the same run, resumed or not, gives the same masks; a looped block refuses dropout), and inverted (kept values scaled by 1 / (1 − rate)), so evaluation,
 * probes and exports see the model as it is.
 *
 * <pre>
 * Java:   Iclab.gpt2("tiny")    Iclab.gpt2(m -&gt; m.layers(3).heads(2).embed(64))
 * Groovy: model gpt2('tiny')    model gpt2 { layers 3; heads 2; embed 64 }
 * </pre>
 *
 * @param positions the most (x, y) pairs a prompt may hold (the positional table has 2·positions rows)
 */
@Setting("Garg et al.'s GPT-2 backbone: pre-LayerNorm blocks with causal attention and a GELU MLP; GPT-2's dropout, off by default.")
@Word("gpt2")
public record Gpt2(
        @Setting(value = "Number of transformer blocks.", range = "> 0") int layers,
        @Setting(value = "Attention heads per block.", range = "> 0 and divides embed") int heads,
        @Setting(value = "Width of the residual stream.", range = "> 0") int embed,
        @Setting(value = "The most (x, y) pairs a prompt may hold.", range = "> 0") int positions,
        @Setting(value = "LayerNorm before each sub-layer and before the read-out; false removes all of them.") Boolean layerNorm,
        @Setting(value = "The GELU MLP of each block; false makes the model attention-only.") Boolean mlp,
        @Setting(value = "A hard-wired n-gram layer before the blocks (token prompts): each position averages the states that followed "
                + "earlier occurrences of its last n tokens; 0 for none.", range = "[0, 8]") Integer ngramHead,
        @Setting(value = "Dropout on the embedded prompt (read-in plus positions) in training steps (GPT-2's embd_pdrop).", range = "[0, 1)")
        Double embedDropout,
        @Setting(value = "Dropout on the attention weights after the softmax in training steps (GPT-2's attn_pdrop).", range = "[0, 1)")
        Double attentionDropout,
        @Setting(value = "Dropout on each attention and MLP output before the residual sum in training steps (GPT-2's resid_pdrop).",
                range = "[0, 1)") Double residualDropout) implements Model {
    public static final int DEFAULT_POSITIONS = 101;
    /**
     * Garg et al.'s sizes, smallest first: tiny (3 layers, 2 heads, 64 wide), small (6, 4, 128), standard (12, 8, 256),
     * each with 101 positions, LayerNorm and MLPs. Registered as the word's presets: {@code gpt2('small')}.
     */
    public static final Map<String, Gpt2> PRESETS = presets();

    public Gpt2 {
        layerNorm = layerNorm == null ? Boolean.TRUE : layerNorm; // spec.json written before the switches existed
        mlp = mlp == null ? Boolean.TRUE : mlp;
        ngramHead = ngramHead == null ? 0 : ngramHead;
        embedDropout = embedDropout == null ? 0.0 : embedDropout;
        attentionDropout = attentionDropout == null ? 0.0 : attentionDropout;
        residualDropout = residualDropout == null ? 0.0 : residualDropout;
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(heads > 0, "heads", "must be > 0", heads)
                .require(embed > 0, "embed", "must be > 0", embed)
                .require(heads <= 0 || embed <= 0 || embed % heads == 0, "heads", "must divide embed",
                        "heads " + heads + ", embed " + embed)
                .require(positions > 0, "positions", "must be > 0", positions)
                .require(ngramHead >= 0 && ngramHead <= 8, "ngramHead", "must be in [0, 8] (0: no n-gram layer)", ngramHead)
                .require(embedDropout >= 0 && embedDropout < 1, "embedDropout", "must be in [0, 1)", embedDropout)
                .require(attentionDropout >= 0 && attentionDropout < 1, "attentionDropout", "must be in [0, 1)", attentionDropout)
                .require(residualDropout >= 0 && residualDropout < 1, "residualDropout", "must be in [0, 1)", residualDropout)
                .throwIfAny();
    }

    /** GPT-2 with its switches and an n-gram layer, without dropout. */
    public Gpt2(int layers, int heads, int embed, int positions, Boolean layerNorm, Boolean mlp, Integer ngramHead) {
        this(layers, heads, embed, positions, layerNorm, mlp, ngramHead, 0.0, 0.0, 0.0);
    }

    /** Whether any dropout rate is above 0. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean dropsOut() {
        return embedDropout > 0 || attentionDropout > 0 || residualDropout > 0;
    }

    /** GPT-2 with its switches and no n-gram layer. */
    public Gpt2(int layers, int heads, int embed, int positions, Boolean layerNorm, Boolean mlp) {
        this(layers, heads, embed, positions, layerNorm, mlp, 0);
    }

    /** GPT-2 with LayerNorm and MLPs. */
    public Gpt2(int layers, int heads, int embed, int positions) {
        this(layers, heads, embed, positions, true, true, 0);
    }

    /** An n-gram layer reads token ids: only token prompts have them. */
    @Override
    public String cannotRead(Prompt prompt) {
        return ngramHead > 0 && !prompt.readsTokens() ? "must be tokens() for a gpt2 with an n-gram layer (it matches token ids)" : null;
    }

    @Override
    public Integer depth() {
        return layers;
    }

    /** One of {@link #PRESETS}. */
    public static Gpt2 preset(String name) {
        Gpt2 preset = PRESETS.get(name);
        if (preset == null) {
            throw new SpecException("model", "preset", "must be one of " + List.copyOf(PRESETS.keySet()), "'" + name + "'");
        }
        return preset;
    }

    private static Map<String, Gpt2> presets() {
        Map<String, Gpt2> presets = new java.util.LinkedHashMap<>();
        presets.put("tiny", new Gpt2(3, 2, 64, DEFAULT_POSITIONS));
        presets.put("small", new Gpt2(6, 4, 128, DEFAULT_POSITIONS));
        presets.put("standard", new Gpt2(12, 8, 256, DEFAULT_POSITIONS));
        return java.util.Collections.unmodifiableMap(presets);
    }

    /** "gpt2 3 layers, 2 heads, 64 wide". */
    @Override
    public String summary() {
        return String.format(java.util.Locale.ROOT, "gpt2 %d layer%s, %d heads, %d wide", layers, layers == 1 ? "" : "s", heads, embed);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().layers(layers).heads(heads).embed(embed).positions(positions).layerNorm(layerNorm).mlp(mlp).ngramHead(ngramHead)
                .embedDropout(embedDropout).attentionDropout(attentionDropout).residualDropout(residualDropout);
    }

    /** Mutable, single use, not thread-safe; starts from the tiny preset. */
    public static final class Builder {
        private int layers = 3;
        private int heads = 2;
        private int embed = 64;
        private int positions = DEFAULT_POSITIONS;
        private boolean layerNorm = true;
        private boolean mlp = true;
        private int ngramHead;
        private double embedDropout;
        private double attentionDropout;
        private double residualDropout;

        /** Starts from a named size ({@link #PRESETS}): its layers, heads and embed. */
        public Builder preset(String name) {
            Gpt2 size = Gpt2.preset(name);
            return layers(size.layers()).heads(size.heads()).embed(size.embed());
        }

        /** Number of transformer blocks. */
        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Attention heads per block; must divide embed. */
        public Builder heads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Width of the residual stream. */
        public Builder embed(int embed) {
            this.embed = embed;
            return this;
        }

        /** The most (x, y) pairs a prompt may hold (default 101, as Garg et al.). */
        public Builder positions(int positions) {
            this.positions = positions;
            return this;
        }

        /** LayerNorm before each sub-layer and before the read-out (default true); false leaves the stream unnormalised. */
        public Builder layerNorm(boolean layerNorm) {
            this.layerNorm = layerNorm;
            return this;
        }

        /** The MLP sub-layer of each block (default true); false makes the model attention-only. */
        public Builder mlp(boolean mlp) {
            this.mlp = mlp;
            return this;
        }

        /**
         * An n-gram layer before the attention blocks (default 0: none; Akyürek et al.'s hard-wired n-gram head): each
         * position averages the states of the tokens that followed earlier occurrences of its last n tokens.
         */
        public Builder ngramHead(int ngramHead) {
            this.ngramHead = ngramHead;
            return this;
        }

        /** Dropout on the embedded prompt in training steps (default 0). */
        public Builder embedDropout(double rate) {
            this.embedDropout = rate;
            return this;
        }

        /** Dropout on the attention weights in training steps (default 0). */
        public Builder attentionDropout(double rate) {
            this.attentionDropout = rate;
            return this;
        }

        /** Dropout on each sub-layer's output before the residual sum in training steps (default 0). */
        public Builder residualDropout(double rate) {
            this.residualDropout = rate;
            return this;
        }

        public Gpt2 build() {
            return new Gpt2(layers, heads, embed, positions, layerNorm, mlp, ngramHead, embedDropout, attentionDropout, residualDropout);
        }
    }
}
