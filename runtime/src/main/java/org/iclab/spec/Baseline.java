package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A classical learner the model is compared with on the same prompts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LeastSquares.class, name = "leastSquares"),
    @JsonSubTypes.Type(value = NearestNeighbors.class, name = "nearestNeighbors"),
    @JsonSubTypes.Type(value = Averaging.class, name = "averaging"),
    // Garg et al.'s further baselines
    @JsonSubTypes.Type(value = Ridge.class, name = "ridge"),
    @JsonSubTypes.Type(value = Lasso.class, name = "lasso"),
    @JsonSubTypes.Type(value = GreedyTree.class, name = "greedyTree"),
    @JsonSubTypes.Type(value = GradientBoosting.class, name = "gradientBoosting"),
    @JsonSubTypes.Type(value = GradientDescentNet.class, name = "gradientDescentNet"),
    @JsonSubTypes.Type(value = Zero.class, name = "zero")})
public sealed interface Baseline permits LeastSquares, NearestNeighbors, Averaging,
        Ridge, Lasso, GreedyTree, GradientBoosting, GradientDescentNet, Zero {
    /**
     * The learner's name in eval.csv, plots and the DSL; unique among the learners of one evaluation. Words with
     * settings encode them ({@code lasso(0.01)}, {@code greedyTree(unlimited)}, see {@code BaselineNames}), except
     * {@code nearestNeighbors}, whose name predates that rule.
     */
    @JsonIgnore
    String learnerName();
}
