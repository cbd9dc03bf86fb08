package org.iclab.spec.optimizer;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.iclab.spec.Word;

/**
 * Adam (Kingma and Ba) with bias correction, as PyTorch's default; Garg et al. train with lr 1e-4. With
 * {@code weightDecay} > 0 it is AdamW (Loshchilov and Hutter): every step first shrinks each parameter by
 * lr_t · weightDecay, as PyTorch's {@code AdamW}. The learning rate of step i (0-based, of N steps) is lr_t =
 * lr · w_i · c_i: during the first W = round(warmup · N) steps w_i = (i + 1) / W (a linear warm-up), else 1; with
 * {@code schedule: 'cosine'}, c_i = ½ (1 + cos(π (i − W) / (N − W))) after the warm-up (1 during it); with
 * {@code 'linear'}, c_i = 1 − (i − W) / (N − W) (with warmup 0.5, Raventós et al.'s triangle); else 1.
 *
 * <pre>
 * Java:   Iclab.adam(1e-3)                    Groovy:  optimizer adam(lr: 1e-3)
 *                                                      optimizer adam(lr: 5e-4, weightDecay: 0.1, warmup: 0.1, schedule: 'cosine')
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
                   @Setting(value = "The learning rate after the warm-up: 'constant', or 'cosine' or 'linear' (down to 0 at the last step).",
                           range = "constant, cosine, linear") String schedule) implements Optimizer {
    public static final double DEFAULT_LR = 1e-4;
    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";
    public static final String LINEAR = "linear";

    public Adam {
        schedule = schedule == null ? CONSTANT : schedule; // spec.json written before schedules existed has none
        Problems.in("train.optimizer")
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1)", beta1)
                .require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1)", beta2)
                .require(eps > 0 && Double.isFinite(eps), "eps", "must be a finite number > 0", eps)
                .require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", "must be a finite number >= 0", weightDecay)
                .require(warmup >= 0 && warmup < 1, "warmup", "must be in [0, 1)", warmup)
                .require(java.util.List.of(CONSTANT, COSINE, LINEAR).contains(schedule), "schedule", "must be 'constant', 'cosine' or 'linear'",
                        "'" + schedule + "'")
                .throwIfAny();
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        this(lr, beta1, beta2, eps, 0, 0, CONSTANT);
    }

    /** Whether the learning rate changes from step to step (a warm-up or a decay). */
    @JsonIgnore
    public boolean scheduled() {
        return warmup > 0 || !CONSTANT.equals(schedule);
    }

    /** The learning rate of 1-based {@code step} of {@code steps}. */
    public double lrAt(long step, long steps) {
        long i = step - 1;
        long w = Math.round(warmup * steps);
        if (i < w) {
            return lr * (i + 1) / w;
        }
        if (COSINE.equals(schedule)) {
            return lr * 0.5 * (1 + Math.cos(Math.PI * (i - w) / (double) (steps - w)));
        }
        if (LINEAR.equals(schedule)) {
            return lr * (1 - (i - w) / (double) (steps - w));
        }
        return lr;
    }
}
