package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Pool;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
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
    default String learnerName() {
        return Extension.wordOf(getClass());
    }

    /**
     * Why this learner cannot score {@code task}'s prompts (a rule, as an error states it), or null where it can.
     * The classical learners read (x, y) pairs; the token learners ({@code ngram}, {@code bayes}, {@code oracle})
     * read token sequences.
     */
    default String cannotScore(Task task) {
        return task instanceof TokenTask ? "reads (x, y) pairs; a token task takes ngram(n), bayes() or oracle()" : null;
    }

    /**
     * Why this learner cannot score {@code task}'s prompts when training draws from {@code pool} (a rule, as an error
     * states it), or null: the same as {@link #cannotScore(Task)} except for learners that read the training prior.
     */
    default String cannotScore(Task task, Pool pool) {
        return cannotScore(task);
    }

    /** The rule of a learner that reads token sequences only. */
    static String tokensOnly(Task task) {
        return task instanceof TokenTask ? null : "reads token sequences; it is for token tasks";
    }
}
