package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Conjunctive normal form: the AND of {@code clauses} disjunctions, literals drawn as for {@link Dnf} (.1 / .1 / .8);
 * y = +1 iff every clause holds. Per prompt one clause is chosen uniformly and each point is forced to falsify it with
 * probability .3.
 *
 * <pre>
 * Java:   Iclab.cnf(12)                       Groovy:  task cnf(dims: 12, clauses: 3)
 * </pre>
 */
@Setting("AND of `clauses` disjunctions (literals p .1 / .1 / .8); per prompt one clause chosen and 30% of points forced to falsify it.")
@Word("cnf")
public record Cnf(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                  @Setting(value = "Disjunctions AND-ed together.", range = "[1, 8]") int clauses,
                  @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public Cnf {
        BooleanTask.check(dims, labelNoise)
                .require(clauses >= 1 && clauses <= 8, "clauses", "must be in [1, 8]", clauses)
                .throwIfAny();
    }

    /** The reference's class: clauses 3, no label noise. */
    public Cnf(int dims) {
        this(dims, 3, 0);
    }
}
