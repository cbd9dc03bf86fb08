package org.iclab.spec.optimizer;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;

/**
 * Stochastic gradient descent as PyTorch's {@code torch.optim.SGD} (dampening 0): the gradient gains the L2 term
 * g + weightDecay · p; with momentum μ > 0 a buffer b ← μ b + g (b = g at the first step) replaces it, and with
 * {@code nesterov} the step uses g + μ b; then p ← p − lr_t · (that). Reddy's (2023) update p ← (1 − 1e-6) p − 0.01 g
 * is {@code sgd(lr: 0.01, weightDecay: 1e-4)}: p − 0.01 (g + 1e-4 p). The learning rate lr_t follows
 * {@link LearningRates}, as Adam's does.
 *
 * <pre>
 * Java:   new Sgd(0.01)                       Groovy:  optimizer sgd(lr: 0.01, weightDecay: 1e-4)
 *                                                      optimizer sgd(lr: 0.1, momentum: 0.9, warmup: 0.05, schedule: 'cosine')
 * </pre>
 */
@Setting("Stochastic gradient descent as PyTorch's SGD: L2 weight decay added to the gradient, optional (Nesterov) momentum, the shared warm-up and decays.")
@Word("sgd")
public record Sgd(@Setting(value = "Learning rate (the peak, with a warm-up or a schedule).", range = "a finite number > 0") double lr,
                  @Setting(value = "Momentum μ: the step follows b = μ b + g (0: plain SGD).", range = "[0, 1)") double momentum,
                  @Setting(value = "L2 weight decay, added to the gradient as weightDecay * p (PyTorch's SGD; not decoupled).",
                          range = "a finite number >= 0") double weightDecay,
                  @Setting(value = "Nesterov momentum: step along g + μ b instead of b.", range = "true with momentum > 0") boolean nesterov,
                  @Setting(value = "Fraction of the training steps over which the learning rate rises linearly to lr.", range = "[0, 1)")
                  double warmup,
                  @Setting(value = "The learning rate after the warm-up: 'constant', or 'cosine' or 'linear' (decaying towards minLr, reached just after the last step).",
                          range = "constant, cosine, linear") String schedule,
                  @Setting(value = "The floor a cosine or linear decay ends at.", range = "[0, lr)") double minLr,
                  @Setting(value = "The rate a warm-up starts from (0: lr / the warm-up's steps at the first step).", range = "[0, lr)")
                  double warmupFrom) implements ScheduledOptimizer {
    public Sgd {
        schedule = schedule == null ? LearningRates.CONSTANT : schedule;
        LearningRates.check(Problems.in("train.optimizer")
                .require(lr > 0 && Double.isFinite(lr), "lr", "must be a finite number > 0", lr)
                .require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1)", momentum)
                .require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", "must be a finite number >= 0", weightDecay)
                .require(!nesterov || momentum > 0, "nesterov", "needs momentum > 0", nesterov),
                lr, warmup, schedule, minLr, warmupFrom)
                .throwIfAny();
    }

    public Sgd(double lr) {
        this(lr, 0, 0, false, 0, LearningRates.CONSTANT, 0, 0);
    }
}
