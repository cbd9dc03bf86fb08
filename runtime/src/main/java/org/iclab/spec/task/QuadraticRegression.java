package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Quadratic regression (Garg et al. 2022): per prompt w ~ N(0, I_d), y = scale · Σ_i w_i x_i² / √3. Dividing by √3
 * (the standard deviation of x² for x ~ N(0, 1)) gives y the variance of linear regression up to the mean term.
 *
 * <pre>
 * Java:   Iclab.quadraticRegression(20)           Groovy:  task quadraticRegression(dims: 20)
 * </pre>
 */
@Setting("Quadratic regression (Garg et al.): per prompt w ~ N(0, I_d), y = scale * sum_i w_i x_i^2 / sqrt(3); "
        + "errors are divided by d.")
@Word("quadraticRegression")
public record QuadraticRegression(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                                  @Setting(value = "Multiplies every y.", range = "a finite number > 0") double scale) implements Task {
    public QuadraticRegression {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    public QuadraticRegression(int dims) {
        this(dims, 1.0);
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.DIMS, dims);
    }
}
