package org.iclab.spec.model;

import org.iclab.spec.Extension;
import org.iclab.spec.prompt.Prompt;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The architecture that reads a prompt. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Model {
    /** The most (x, y) pairs a prompt may hold for this model (its positional table's reach). */
    int positions();

    /** The architecture's word (gpt2, linearAttention, looped, lstm), which its record carries. */
    @JsonIgnore
    default String name() {
        return Extension.wordOf(getClass());
    }

    /** The positional encoding a prompt gets when it declares none: learned, except where an architecture says otherwise. */
    default String defaultPositional() {
        return Prompt.LEARNED;
    }

    /**
     * Why this architecture cannot read {@code prompt} (a rule, as a validation message words it), or null when it can.
     */
    default String cannotRead(Prompt prompt) {
        return null;
    }

    /** Whether the architecture is applied in loops (a looped model): then it has loop counts to train and evaluate at. */
    default boolean hasLoops() {
        return false;
    }

    /** The loop count a prediction is read after by default (1 for every model without loops). */
    default int loops() {
        return 1;
    }

    /** Layers the spec knows the model to have, for checking probe layers before anything is built; null if not known here. */
    default Integer depth() {
        return null;
    }

    /** A one-line description for the command line's run header, or null to show the word as a script writes it. */
    @JsonIgnore
    default String summary() {
        return null;
    }
}
