package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GaussianElimination;
/**
 * Parities: per prompt a subset S of the coordinates, uniform over all 2^n subsets (each coordinate in it with
 * probability ½); y = +1 iff an odd number of the coordinates in S are +1 (the empty subset: always −1).
 *
 * <pre>
 * Java:   Iclab.parity(12)                    Groovy:  task parity(dims: 12)
 * </pre>
 */
@Setting("Parity of a uniformly random subset: y = +1 iff an odd number of its coordinates are +1.")
@Word("parity")
public record Parity(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                     @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public Parity {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public Parity(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new GaussianElimination();
    }
}
