package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Prompt;
/**
 * A gated recurrent unit network, the recurrent model Bhattamishra et al. and Akyürek et al. compare with
 * transformers: a linear read-in, {@code layers} stacked GRU layers of width {@code hidden} (reset, update and new
 * gates as PyTorch's {@code nn.GRU}), and a linear read-out at the x positions of an interleaved prompt.
 *
 * <pre>
 * Java:   Iclab.gru(2, 64)                    Groovy:  model gru(layers: 2, hidden: 64)   or   model gru { layers 2; hidden 64 }
 * </pre>
 */
@Setting("A GRU (Bhattamishra et al., Akyürek et al.): read-in, stacked GRU layers, read-out; it reads interleaved prompts.")
@Word("gru")
public record Gru(
        @Setting(value = "Stacked GRU layers.", range = "> 0") int layers,
        @Setting(value = "Width of each layer's state.", range = "> 0") int hidden,
        @Setting(value = "The most (x, y) pairs a prompt may hold.", range = "> 0", defaults = "101") int positions) implements Model {
    public Gru {
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(hidden > 0, "hidden", "must be > 0", hidden)
                .require(positions > 0, "positions", "must be > 0", positions)
                .throwIfAny();
    }

    public Gru(int layers, int hidden) {
        this(layers, hidden, Gpt2.DEFAULT_POSITIONS);
    }

    /** None: a recurrence knows each token's position from the order it reads them in. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }

    @Override
    public String cannotRead(Prompt prompt) {
        return Lstm.interleavedOnly("a gru", prompt);
    }
}
