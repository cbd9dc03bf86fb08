package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How (x, y) pairs are laid out as a token sequence. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Interleaved.class, name = "interleaved")})
public sealed interface Prompt permits Interleaved {
    /** The number of (x, y) pairs in a training prompt. */
    int points();

    /** Tokens a prompt of {@code points} pairs takes. */
    int tokens(int points);
}
