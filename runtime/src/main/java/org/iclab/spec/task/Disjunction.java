package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Elimination;
/**
 * Disjunctions of literals: literals drawn as for {@link Conjunction} (.15 / .15 / .7); y = +1 iff some literal holds.
 * Each point is forced, with probability .3, to falsify every literal, so that negatives are not rare.
 *
 * <pre>
 * Java:   Iclab.disjunction(12)               Groovy:  task disjunction(dims: 12)
 * </pre>
 */
@Setting("Disjunction of literals: coordinates positive / negative / absent with p .15 / .15 / .7; 30% of points forced to falsify it.")
@Word("disjunction")
public record Disjunction(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                          @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public Disjunction {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public Disjunction(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Elimination(Elimination.DISJUNCTION);
    }
}
