package org.iclab.spec.probe;

import org.iclab.spec.Extension;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a linear probe reads from a hidden state: a vector in R^d computed, for each prompt and position k, from
 * the prompt's function (the true weights) or from its first k examples by a closed form (least squares, the
 * moment X^T y / k, a gradient-descent iterate). Akyürek et al. 2023 probe these to ask which algorithm a model
 * runs in context.
 *
 * <pre>
 * Java:   p -&gt; p.linear(weights()).linear(leastSquaresEstimate()).linear(gradientDescentIterate(1))
 * Groovy: probes { linear(target: weights()); linear(target: leastSquaresEstimate()); linear(target: gradientDescentIterate(steps: 1)) }
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Target {
    /** The word that makes it ({@code weights}, ...), which a {@code control} names. */
    @JsonIgnore
    default String word() {
        return Extension.wordOf(getClass());
    }

    /**
     * The target's name in probes.csv's {@code target} column: the word, with its settings where it has any
     * ({@code gradientDescentIterate(2)}, {@code gradientDescentIterate(2;lr=0.1)}); no commas.
     */
    @JsonIgnore
    default String label() {
        return word();
    }

    /** Why the target cannot be probed on an experiment of {@code task}, or null where it can. */
    default String cannotProbe(org.iclab.spec.task.Task task) {
        return null;
    }

    /** Whether the target is each prompt's function weights, which only a linear function class has. */
    default boolean needsWeights() {
        return false;
    }
}
