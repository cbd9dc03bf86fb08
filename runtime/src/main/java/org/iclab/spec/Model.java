package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The architecture that reads a prompt. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Gpt2.class, name = "gpt2")})
public sealed interface Model permits Gpt2 {
    /** The most (x, y) pairs a prompt may hold for this model (its positional table's reach). */
    int positions();
}
