package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.SignVectorRegression;

/**
 * The sampler and prior of {@link SignVectorRegression}. Draw order: d uniform doubles, w_j = −1 where the j-th is
 * below ½, else +1. The prior is the 2^d sign vectors, equally likely, each a point hypothesis observed in the
 * noiseless limit (σ = {@link Prior#NOISELESS} · scale).
 */
final class SignVectorRegressionClass implements FunctionClass<SignVectorRegression> {
    @Override
    public Class<SignVectorRegression> spec() {
        return SignVectorRegression.class;
    }

    @Override
    public TaskFunction draw(SignVectorRegression task, SplittableRandom rng, int activeDims) {
        double[] w = new double[task.dims()];
        for (int j = 0; j < w.length; j++) {
            w[j] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        return FunctionClasses.linear(w, task.scale(), activeDims);
    }

    @Override
    public Prior prior(SignVectorRegression task) {
        int d = task.dims();
        double sigma = Prior.noiseOr(0, task.scale());
        return new Prior(sigma, out -> {
            for (int bits = 0; bits < 1 << d; bits++) {
                double[] w = new double[d];
                for (int j = 0; j < d; j++) {
                    w[j] = (bits >> j & 1) == 0 ? -1 : 1;
                }
                out.add(new Prior.Member(-d * Math.log(2), FunctionClasses.linear(w, task.scale(), d), sigma));
            }
        });
    }
}
