package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The architecture that reads a prompt. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Gpt2.class, name = "gpt2"),
        @JsonSubTypes.Type(value = LinearAttention.class, name = "linearAttention"),
        @JsonSubTypes.Type(value = Looped.class, name = "looped"),
        @JsonSubTypes.Type(value = Lstm.class, name = "lstm")})
public sealed interface Model permits Gpt2, LinearAttention, Looped, Lstm {
    /** The most (x, y) pairs a prompt may hold for this model (its positional table's reach). */
    int positions();

    /** The architecture's word (gpt2, linearAttention, looped, lstm). */
    @JsonIgnore
    String name();
}
