package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How the inputs x of a prompt are sampled. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Inputs {
}
