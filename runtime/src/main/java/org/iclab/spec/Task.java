package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A function class: the distribution of functions f from which each prompt's (x, f(x)) pairs are drawn. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LinearRegression.class, name = "linearRegression"),
        // Garg et al.'s other function classes
        @JsonSubTypes.Type(value = SparseLinearRegression.class, name = "sparseLinearRegression"),
        @JsonSubTypes.Type(value = NoisyLinearRegression.class, name = "noisyLinearRegression"),
        @JsonSubTypes.Type(value = LinearClassification.class, name = "linearClassification"),
        @JsonSubTypes.Type(value = QuadraticRegression.class, name = "quadraticRegression"),
        @JsonSubTypes.Type(value = ReluNetwork.class, name = "reluNetwork"),
        @JsonSubTypes.Type(value = DecisionTree.class, name = "decisionTree")})
public sealed interface Task permits LinearRegression,
        SparseLinearRegression, NoisyLinearRegression, LinearClassification, QuadraticRegression, ReluNetwork, DecisionTree {
    /** Input dimension d. */
    int dims();

    /** What a prediction's squared error is divided by when reported (Garg et al.: d for linear regression). */
    double errorScale();

    /**
     * True for tasks whose y are labels ±1: the model is trained with the logistic loss on its output as a logit, and
     * every learner is scored by the sign of its prediction, sign(0) = +1 as for the labels (error 1 for a wrong sign, 0 otherwise: 1 − accuracy).
     */
    default boolean classification() {
        return false;
    }
}
