package org.iclab.spec;

import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.task.Task;
/**
 * What the implementation of a task's word says about the posterior under the task's prior: whether {@code bayes()}
 * can give it in closed form. Function classes and token classes implement it (with their prior or posterior
 * predictive); {@link Bayes} asks here and dispatches on no kind.
 */
public interface PosteriorSupport {
    /** Why a task has no posterior here, when its word says nothing of one. */
    String NONE = "needs a task with a closed-form posterior (its function class gives none)";

    /**
     * Null where {@code bayes()} can give the posterior of {@code task} (trained on a finite pool of its functions
     * where {@code pooledFunctions}: then each member must observe with one known noise); else why not.
     */
    String noPosterior(Object task, boolean pooledFunctions);

    /** {@link #noPosterior} of {@code task}'s registered implementation; {@link #NONE} where it says nothing. */
    static String of(Task task, boolean pooledFunctions) {
        Extension implementation = Registry.get().wordOf(task.getClass()).map(Registry.Word::extension).orElse(null);
        return implementation instanceof PosteriorSupport p ? p.noPosterior(task, pooledFunctions) : NONE;
    }
}
