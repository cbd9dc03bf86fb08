package org.iclab.spec.optimizer;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;

/**
 * Adam (Kingma and Ba) with bias correction, as PyTorch's default; Garg et al. train with lr 1e-4. With
 * {@code weightDecay} > 0 it is AdamW (Loshchilov and Hutter): every step first shrinks each parameter by
 * lr_t · weightDecay, as PyTorch's {@code AdamW}. The learning rate lr_t of each step follows {@link LearningRates}:
 * a linear warm-up over a fraction of the steps (from {@code warmupFrom}, default 0), then constant, or a cosine or
 * linear decay down to {@code minLr} (default 0; with {@code warmup 0.5} and {@code 'linear'}, Raventós et al.'s
 * triangle).
 *
 * <pre>
 * Java:   Iclab.adam(1e-3)                    Groovy:  optimizer adam(lr: 1e-3)
 *                                                      optimizer adam(lr: 5e-4, weightDecay: 0.1, warmup: 0.1, schedule: 'cosine', minLr: 5e-5)
 * </pre>
 */
@Setting("Adam with bias correction (as PyTorch's default); AdamW with weightDecay > 0; a linear warm-up and a cosine or linear decay.")
@Word("adam")
public record Adam(@Setting(value = "Learning rate (the peak, with a warm-up or a schedule).", range = "a finite number > 0") double lr,
                   @Setting(value = "Decay of the first-moment estimate.", range = "[0, 1)") double beta1,
                   @Setting(value = "Decay of the second-moment estimate.", range = "[0, 1)") double beta2,
                   @Setting(value = "Added to the denominator for stability.", range = "a finite number > 0") double eps,
                   @Setting(value = "Decoupled weight decay (AdamW): each step multiplies every parameter by 1 - lr_t * weightDecay.",
                           range = "a finite number >= 0") double weightDecay,
                   @Setting(value = "Fraction of the training steps over which the learning rate rises linearly to lr.", range = "[0, 1)")
                   double warmup,
                   @Setting(value = "The learning rate after the warm-up: 'constant', or 'cosine' or 'linear' (decaying towards minLr, reached just after the last step).",
                           range = "constant, cosine, linear") String schedule,
                   @Setting(value = "The floor a cosine or linear decay ends at (RegBench: 0.1 * lr).", range = "[0, lr)") double minLr,
                   @Setting(value = "The rate a warm-up starts from (0: lr / the warm-up's steps at the first step).", range = "[0, lr)")
                   double warmupFrom) implements ScheduledOptimizer {
    public static final double DEFAULT_LR = 1e-4;
    public static final String CONSTANT = LearningRates.CONSTANT;
    public static final String COSINE = LearningRates.COSINE;
    public static final String LINEAR = LearningRates.LINEAR;

    public Adam {
        schedule = schedule == null ? CONSTANT : schedule; // spec.json written before schedules existed has none
        LearningRates.check(Problems.in("train.optimizer")
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1)", beta1)
                .require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1)", beta2)
                .require(eps > 0 && Double.isFinite(eps), "eps", "must be a finite number > 0", eps)
                .require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", "must be a finite number >= 0", weightDecay),
                lr, warmup, schedule, minLr, warmupFrom)
                .throwIfAny();
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this(lr, beta1, beta2, eps, 0, 0, CONSTANT);
    }

    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay, double warmup, String schedule) {
        this(lr, beta1, beta2, eps, weightDecay, warmup, schedule, 0, 0);
    }
}
