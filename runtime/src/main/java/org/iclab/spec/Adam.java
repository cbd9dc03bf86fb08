package org.iclab.spec;

/**
 * Adam (Kingma and Ba) with bias correction, as PyTorch's default; Garg et al. train with lr 1e-4.
 *
 * <pre>
 * Java:   Iclab.adam(1e-3)                    Groovy:  optimizer adam(lr: 1e-3)
 * </pre>
 */
@Setting("Adam with bias correction (as PyTorch's default).")
public record Adam(@Setting(value = "Learning rate.", range = "a finite number > 0") double lr,
                   @Setting(value = "Decay of the first-moment estimate.", range = "[0, 1)") double beta1,
                   @Setting(value = "Decay of the second-moment estimate.", range = "[0, 1)") double beta2,
                   @Setting(value = "Added to the denominator for stability.", range = "a finite number > 0") double eps) implements Optimizer {
    public static final double DEFAULT_LR = 1e-4;

    public Adam {
        Problems.in("train.optimizer")
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1)", beta1)
                .require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1)", beta2)
                .require(eps > 0 && Double.isFinite(eps), "eps", "must be a finite number > 0", eps)
                .throwIfAny();
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }
}
