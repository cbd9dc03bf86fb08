package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the inputs x of a prompt are sampled. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Gaussian.class, name = "gaussian"), @JsonSubTypes.Type(value = Uniform.class, name = "uniform")})
public sealed interface Inputs permits Gaussian, Uniform {
}
