package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A function class: the distribution of functions f from which each prompt's (x, f(x)) pairs are drawn. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LinearRegression.class, name = "linearRegression")})
public sealed interface Task permits LinearRegression {
    /** Input dimension d. */
    int dims();

    /** What a prediction's squared error is divided by when reported (Garg et al.: d for linear regression). */
    double errorScale();
}
