package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Perceptron;
/**
 * Majority of a subset: per prompt each coordinate is in the subset with probability .3, w its indicator;
 * y = sign(w·x − ½): +1 iff more of the subset's coordinates are +1 than −1 (an empty subset is all −1).
 *
 * <pre>
 * Java:   Iclab.majority(12)                  Groovy:  task majority(dims: 12)
 * </pre>
 */
@Setting("Majority over a random subset (each coordinate with p .3): y = sign(w.x - 1/2).")
@Word("majority")
public record Majority(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                       @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public Majority {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public Majority(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Perceptron();
    }
}
