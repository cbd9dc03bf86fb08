package org.iclab.spec.prompt;

import org.iclab.spec.Extension;
import org.iclab.spec.model.Model;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** How (x, y) pairs are laid out as a token sequence, and the positional encoding added to it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Prompt {
    String LEARNED = "learned";
    String NONE = "none";
    String SINUSOIDAL = "sinusoidal";
    /** The positional encodings there are. */
    List<String> POSITIONALS = List.of(LEARNED, NONE, SINUSOIDAL);

    /** The number of (x, y) pairs in a training prompt. */
    int points();

    /** Tokens a prompt of {@code points} pairs takes. */
    int tokens(int points);

    /** Width of a token for inputs of {@code dims} coordinates. */
    int width(int dims);

    /** Whether y sits in the last coordinate of its token. */
    Boolean yLast();

    /** The declared positional encoding, or null for the model's default. */
    String positional();

    /** The format's word (interleaved, stacked), which its record carries. */
    @JsonIgnore
    default String name() {
        return Extension.wordOf(getClass());
    }

    /** Whether the prompt is a token sequence ({@link Tokens}) rather than real-valued (x, y) pairs. */
    default boolean readsTokens() {
        return false;
    }

    /** The positional encoding in force for {@code model}: the declared one, else learned for transformers with a read-in, none otherwise. */
    default String positionalFor(Model model) {
        if (positional() != null) {
            return positional();
        }
        return model.defaultPositional();
    }
}
