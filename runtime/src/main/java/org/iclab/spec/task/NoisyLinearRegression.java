package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Noisy linear regression (Garg et al. 2022): per prompt w ~ N(0, I_d), y = scale · w·x + noise · ε with a fresh
 * ε ~ N(0, 1) for every point. With {@code renormalize}, every y is then multiplied by
 * sqrt(d / (scale² · a + noise²)), where a is the number of active coordinates (the curriculum's current dims): for
 * x ~ N(0, I) that is exactly the population standard deviation of y, so y has variance d at every curriculum
 * stage. Garg et al. divide by the standard deviation of each batch instead; iclab uses the population value so
 * that a prompt never depends on the other prompts of its batch.
 *
 * <pre>
 * Java:   Iclab.noisyLinearRegression(20, 0.5)    Groovy:  task noisyLinearRegression(dims: 20, noise: 0.5)
 * </pre>
 */
@Setting("Noisy linear regression (Garg et al.): per prompt w ~ N(0, I_d), y = scale * w.x + noise * N(0, 1) per point, "
        + "optionally renormalised to variance d; errors are divided by d.")
@Word("noisyLinearRegression")
public record NoisyLinearRegression(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                                    @Setting(value = "Standard deviation of the noise added to each y.", range = "a finite number >= 0") double noise,
                                    @Setting(value = "Multiply y by sqrt(d / (scale^2 * active dims + noise^2)) so that y has variance d.") boolean renormalize,
                                    @Setting(value = "Multiplies w.x.", range = "a finite number > 0") double scale) implements Task {
    public NoisyLinearRegression {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(noise >= 0 && Double.isFinite(noise), "noise", "must be a finite number >= 0", noise)
                .require(scale > 0 && Double.isFinite(scale), "scale", "must be a finite number > 0", scale)
                .throwIfAny();
    }

    /** Noise of standard deviation 1, not renormalised, scale 1. */
    public NoisyLinearRegression(int dims) {
        this(dims, 1.0);
    }

    /** Noise of standard deviation {@code noise}, not renormalised, scale 1. */
    public NoisyLinearRegression(int dims, double noise) {
        this(dims, noise, false, 1.0);
    }

    /**
     * The factor every y is multiplied by when {@code activeDims} coordinates are active: 1 unless
     * {@code renormalize}, else sqrt(d / (scale² · activeDims + noise²)).
     */
    public double renormalization(int activeDims) {
        return renormalize ? Math.sqrt(dims / (scale * scale * activeDims + noise * noise)) : 1.0;
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
