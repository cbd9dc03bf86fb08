package org.iclab.spec.probe;

import org.iclab.spec.Extension;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A classical iterative algorithm whose iterates an alignment probe compares with each layer's read-out (Fu et al.
 * 2023): iterative Newton for the pseudo-inverse, or gradient descent, both on the first k examples of each prompt.
 *
 * <pre>
 * Java:   p -&gt; p.alignment(newton(20)).alignment(gradientDescent(20))
 * Groovy: probes { alignment(with: newton(iterations: 1..20)); alignment(with: gradientDescent(steps: 1..20)) }
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Algorithm {
    /** The word that makes it. */
    @JsonIgnore
    default String word() {
        return Extension.wordOf(getClass());
    }

    /** The iterates compared, in increasing order. */
    @JsonIgnore
    List<Integer> iterates();

    /** An iterate's name in probes.csv: {@code newton(3)}, {@code gradientDescent(5)}. */
    @JsonIgnore
    default String label(int iterate) {
        return word() + "(" + iterate + ")";
    }
}
