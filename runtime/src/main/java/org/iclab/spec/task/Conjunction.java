package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Elimination;
/**
 * Conjunctions of literals (Bhattamishra et al.'s {@code conjunction}): per prompt each coordinate is a positive literal
 * (probability .15), a negative literal (.15) or absent (.7); y = +1 iff every literal holds. Each point is forced,
 * with probability .3, to satisfy the conjunction (its literals' coordinates set), so that positives are not rare.
 *
 * <pre>
 * Java:   Iclab.conjunction(12)               Groovy:  task conjunction(dims: 12)
 * </pre>
 */
@Setting("Conjunction of literals: coordinates positive / negative / absent with p .15 / .15 / .7; 30% of points forced to satisfy it.")
@Word("conjunction")
public record Conjunction(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                          @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public Conjunction {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public Conjunction(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Elimination();
    }
}
