package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Perceptron;
/**
 * Integer halfspaces: per prompt every w_i is uniform on {−3, …, 3}; y = sign(w·x − ½).
 *
 * <pre>
 * Java:   Iclab.integerHalfspace(12)          Groovy:  task integerHalfspace(dims: 12)
 * </pre>
 */
@Setting("Integer halfspace: w_i uniform on {-3..3}, y = sign(w.x - 1/2).")
@Word("integerHalfspace")
public record IntegerHalfspace(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                               @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public IntegerHalfspace {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public IntegerHalfspace(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Perceptron();
    }
}
