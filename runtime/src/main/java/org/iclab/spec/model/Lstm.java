package org.iclab.spec.model;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.prompt.Prompt;
/**
 * The recurrent baseline of Bhattamishra et al. and Akyürek et al.: a linear read-in, {@code layers} stacked LSTM
 * layers of width {@code hidden} (input, forget, cell and output gates; forget-gate bias 1), and a linear read-out
 * at the x positions of an interleaved prompt.
 *
 * <pre>
 * Java:   Iclab.lstm(2, 64)                   Groovy:  model lstm(layers: 2, hidden: 64)
 * </pre>
 */
@Setting("An LSTM (Bhattamishra et al., Akyürek et al.): read-in, stacked LSTM layers, read-out; it reads interleaved prompts.")
@Word("lstm")
public record Lstm(
        @Setting(value = "Stacked LSTM layers.", range = "> 0") int layers,
        @Setting(value = "Width of each layer's state.", range = "> 0") int hidden,
        @Setting(value = "The most (x, y) pairs a prompt may hold.", range = "> 0", defaults = "101") int positions) implements Model {
    public Lstm {
        Problems.in("model")
                .require(layers > 0, "layers", "must be > 0", layers)
                .require(hidden > 0, "hidden", "must be > 0", hidden)
                .require(positions > 0, "positions", "must be > 0", positions)
                .throwIfAny();
    }

    public Lstm(int layers, int hidden) {
        this(layers, hidden, Gpt2.DEFAULT_POSITIONS);
    }

    /** None: a recurrence knows each token's position from the order it reads them in. */
    @Override
    public String defaultPositional() {
        return Prompt.NONE;
    }

    @Override
    public String cannotRead(Prompt prompt) {
        return interleavedOnly("an lstm", prompt);
    }

    /** A recurrence reads interleaved prompts and token sequences only: the rule broken by {@code prompt}, or null. */
    static String interleavedOnly(String model, Prompt prompt) {
        return prompt instanceof Interleaved || prompt.readsTokens() ? null : "must be interleaved for " + model + " (a recurrent state reads one token"
                + " after another; a stacked prompt's query tokens would enter the state)";
    }
}
