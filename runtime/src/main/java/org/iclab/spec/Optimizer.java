package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How parameters are updated from gradients. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Optimizer {
}
