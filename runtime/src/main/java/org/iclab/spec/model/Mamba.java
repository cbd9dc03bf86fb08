package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Mamba (Gu and Dao 2023), a selective state-space model, as a recurrence: a linear read-in, then {@code layers}
 * residual blocks and a linear read-out. A block reads u = LN(x_t), projects it to x and a gate z (each 2·embed
 * wide), passes x through a causal depthwise convolution of width 4 and SiLU, and from the result makes the
 * input-dependent step Δ = softplus(x W_Δ + b_Δ) (through a rank-⌈embed/16⌉ projection) and B, C (each {@code state}
 * wide). Its state h (2·embed × state) follows h_t = exp(Δ_t A) ⊙ h_{t−1} + (Δ_t ⊙ x_t) B_tᵀ with a diagonal A =
 * −exp(A_log) (initialised −1, −2, …, −state), and the output y_t = h_t C_t + D ⊙ x_t is gated by SiLU(z) and
 * projected back: x_{t+1} = x_t + W_out (y_t ⊙ SiLU(z_t)).
 *
 * <p>Everything but the state update is computed for the whole sequence at once. The update itself runs as
 * {@code scan}: {@code 'sequential'} (the default) is two small operations a position, the least arithmetic, and
 * fastest on a CPU; {@code 'parallel'} is a prefix scan of ⌈log₂ T⌉ rounds over the whole sequence, more arithmetic in
 * fewer, larger operations, for accelerators. Both compute the same function.
 *
 * <pre>
 * Java:   Iclab.mamba(2, 64, 16)              Groovy:  model mamba(layers: 2, embed: 64, state: 16)
 *         Iclab.mamba(2, 64, 16).withScan(Mamba.PARALLEL)    model mamba(layers: 2, embed: 64, state: 16, scan: 'parallel')
 * </pre>
 */
@Setting("Mamba: residual blocks of a selective state-space recurrence (input-dependent step, B and C; diagonal A; gated output).")
@Word("mamba")
public record Mamba(
        @Setting(value = "Residual blocks.", range = "> 0") int layers,
        @Setting(value = "Width of the stream (the state-space part is twice as wide).", range = "> 0") int embed,
        @Setting(value = "State size N per channel.", range = "> 0") int state,
        @Setting(value = "The most (x, y) pairs (or tokens) a prompt may hold.", range = "> 0", defaults = "101") int positions,
        @Setting(value = "How the state update runs: 'sequential' (position by position; fastest on a CPU) or 'parallel' "
                + "(a prefix scan in log2 T rounds; for accelerators).", range = "sequential, parallel", defaults = "'sequential'")
        String scan) implements Model {
    /** Width of the causal depthwise convolution. */
    public static final int CONV = 4;
    public static final String SEQUENTIAL = "sequential";
    public static final String PARALLEL = "parallel";

    public Mamba {
        scan = scan == null ? SEQUENTIAL : scan; // spec.json written before scans were a setting has none
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(embed > 0, "embed", "must be > 0", embed)
                .require(state > 0, "state", "must be > 0", state)
                .require(positions > 0, "positions", "must be > 0", positions)
                .require(SEQUENTIAL.equals(scan) || PARALLEL.equals(scan), "scan", "must be 'sequential' or 'parallel'", "'" + scan + "'")
                .throwIfAny();
    }

    public Mamba(int layers, int embed, int state) {
        this(layers, embed, state, Gpt2.DEFAULT_POSITIONS);
    }

    public Mamba(int layers, int embed, int state, int positions) {
        this(layers, embed, state, positions, SEQUENTIAL);
    }

    /** The same model with its state update run as {@code scan}. */
    public Mamba withScan(String scan) {
        return new Mamba(layers, embed, state, positions, scan);
    }

    /** The rank of the projection that makes Δ: ⌈embed / 16⌉. */
    @JsonIgnore
    public int dtRank() {
        return (embed + 15) / 16;
    }

    @Override
    public Integer depth() {
        return layers;
    }

    /** None: a recurrence knows each token's position from the order it reads them in. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }

    @Override
    public String cannotRead(Prompt prompt) {
        return Lstm.interleavedOnly("a mamba", prompt);
    }
}
