package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.NoisyLinearRegression;

/**
 * Noisy linear regression: w ~ N(0, I_d) (d draws) as linear regression, and per point after f one N(0, 1) draw ε:
 * y = (f(x) + noise · ε) · {@link NoisyLinearRegression#renormalization} when renormalising.
 */
final class NoisyLinearRegressionClass implements FunctionClass<NoisyLinearRegression> {
    @Override
    public Class<NoisyLinearRegression> spec() {
        return NoisyLinearRegression.class;
    }

    @Override
    public TaskFunction draw(NoisyLinearRegression task, SplittableRandom rng, int activeDims) {
        return FunctionClasses.linear(FunctionClasses.gaussians(rng, task.dims()), task.scale(), activeDims);
    }

    /** w ~ N(0, τ²I), y = w·x + N(0, σ²), both scaled by the renormalisation at every dimension: ridge with λ = σ²/τ². */
    @Override
    public Prior prior(NoisyLinearRegression task) {
        double tau = task.renormalization(task.dims()) * task.scale();
        return Prior.gaussian(task.dims(), tau, Prior.noiseOr(task.renormalization(task.dims()) * task.noise(), tau));
    }

    @Override
    public double observe(NoisyLinearRegression task, SplittableRandom rng, double clean, int activeDims) {
        return (clean + task.noise() * rng.nextGaussian()) * task.renormalization(activeDims);
    }
}
