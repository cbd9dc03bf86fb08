package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Linear regression (Garg et al. 2022): w ~ N(0, I_d) per prompt, y = scale · w·x.
 *
 * <pre>
 * Java:   Iclab.linearRegression(20)          Groovy:  task linearRegression(dims: 20)
 * </pre>
 */
@Setting("Linear regression (Garg et al.): per prompt w ~ N(0, I_d), y = scale * w.x; errors are divided by d.")
@Word("linearRegression")
public record LinearRegression(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                               @Setting(value = "Multiplies every y.", range = "a finite number > 0") double scale) implements Task {
    public LinearRegression {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    public LinearRegression(int dims) {
        this(dims, 1.0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.DIMS, dims);
    }

    @Override
    public boolean hasWeights() {
        return true;
    }
}
