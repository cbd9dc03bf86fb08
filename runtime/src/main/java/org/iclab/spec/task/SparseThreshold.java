package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Perceptron;
/**
 * Sparse thresholds: per prompt each coordinate of w is +1, −1 or 0 with probabilities .15 / .15 / .7 and the
 * threshold θ is uniform on {−3, …, 2} + ½; y = sign(w·x − θ).
 *
 * <pre>
 * Java:   Iclab.sparseThreshold(12)           Groovy:  task sparseThreshold(dims: 12)
 * </pre>
 */
@Setting("Sparse threshold: w_i in {+1, -1, 0} with p .15 / .15 / .7, theta uniform on {-3..2} + 1/2; y = sign(w.x - theta).")
@Word("sparseThreshold")
public record SparseThreshold(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                              @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public SparseThreshold {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public SparseThreshold(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Perceptron();
    }
}
