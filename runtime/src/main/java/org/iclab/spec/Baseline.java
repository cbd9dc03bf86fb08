package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A classical learner the model is compared with on the same prompts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Baseline {
    /**
     * The learner's name in eval.csv, plots and the DSL; unique among the learners of one evaluation. Words with
     * settings encode them ({@code lasso(0.01)}, {@code greedyTree(unlimited)}, see {@code BaselineNames}), except
     * {@code nearestNeighbors}, whose name predates that rule.
     */
    @JsonIgnore
    String learnerName();
}
