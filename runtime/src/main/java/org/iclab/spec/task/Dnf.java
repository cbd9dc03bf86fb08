package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Disjunctive normal form: the OR of {@code terms} conjunctions, each coordinate in a term a positive literal, a
 * negative literal or absent with probabilities .1 / .1 / .8; y = +1 iff some term holds. Per prompt one term is
 * chosen uniformly and each point is forced to satisfy it with probability .35.
 *
 * <pre>
 * Java:   Iclab.dnf(12)                       Groovy:  task dnf(dims: 12, terms: 3)
 * </pre>
 */
@Setting("OR of `terms` conjunctions (literals p .1 / .1 / .8); per prompt one term chosen and 35% of points forced to satisfy it.")
@Word("dnf")
public record Dnf(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                  @Setting(value = "Conjunctions OR-ed together.", range = "[1, 8]") int terms,
                  @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public Dnf {
        BooleanTask.check(dims, labelNoise)
                .require(terms >= 1 && terms <= 8, "terms", "must be in [1, 8]", terms)
                .throwIfAny();
    }

    /** The reference's class: terms 3, no label noise. */
    public Dnf(int dims) {
        this(dims, 3, 0);
    }
}
