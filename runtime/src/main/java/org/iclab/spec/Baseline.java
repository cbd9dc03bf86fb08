package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A classical learner the model is compared with on the same prompts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LeastSquares.class, name = "leastSquares"),
    @JsonSubTypes.Type(value = NearestNeighbors.class, name = "nearestNeighbors"),
    @JsonSubTypes.Type(value = Averaging.class, name = "averaging")})
public sealed interface Baseline permits LeastSquares, NearestNeighbors, Averaging {
    /** The learner's name in eval.csv, plots and the DSL. */
    @JsonIgnore
    String learnerName();
}
