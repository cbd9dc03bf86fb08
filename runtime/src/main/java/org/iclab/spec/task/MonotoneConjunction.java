package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Elimination;
/**
 * Monotone conjunctions: per prompt each coordinate is a positive literal with probability ⅓; y = +1 iff every literal
 * holds; each point is forced to satisfy it with probability .3. (The reference's sampler reads an attribute it never
 * sets; this class keeps its literal probability and forces positives as {@code conjunction} does.)
 *
 * <pre>
 * Java:   Iclab.monotoneConjunction(12)       Groovy:  task monotoneConjunction(dims: 12)
 * </pre>
 */
@Setting("Conjunction of positive literals, each coordinate with p 1/3; 30% of points forced to satisfy it.")
@Word("monotoneConjunction")
public record MonotoneConjunction(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                                  @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public MonotoneConjunction {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public MonotoneConjunction(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Elimination();
    }
}
