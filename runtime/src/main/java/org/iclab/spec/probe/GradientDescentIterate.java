package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.BaselineNames;
/**
 * The weights after {@code steps} steps of full-batch gradient descent from w = 0 on the first k examples' loss
 * ||Xw - y||² / (2k), with step size {@code lr}; without an lr ({@code lr: 'best'}), the step size is chosen once per k
 * on the probe's fit prompts, from a log-spaced grid, as the one whose iterate predicts y_{k+1} best (the best
 * {@code steps}-step gradient descent).
 *
 * <pre>
 * Java:   Iclab.gradientDescentIterate(1)      Iclab.gradientDescentIterate(3, 0.1)
 * Groovy: gradientDescentIterate(steps: 1)     gradientDescentIterate(steps: 3, lr: 0.1)     gradientDescentIterate(steps: 1, lr: 'best')
 * </pre>
 *
 * @param lr the step size, or null for the best one ('best')
 */
@Setting("The weights after steps of gradient descent from 0 on the first k examples' loss ||Xw - y||^2 / (2k).")
@Word("gradientDescentIterate")
public record GradientDescentIterate(
        @Setting(value = "Gradient-descent steps from w = 0.", range = ">= 1") int steps,
        @Setting(value = "Step size, or 'best': chosen per k on the fit prompts to predict y(k+1) best.", range = "a finite number > 0, or 'best'",
                defaults = "'best'") Double lr) implements Target {
    public GradientDescentIterate {
        Problems.in("probes.gradientDescentIterate")
                .require(steps >= 1, "steps", "must be >= 1", steps)
                .require(lr == null || (lr > 0 && Double.isFinite(lr)), "lr", "must be a finite number > 0 or 'best'", lr)
                .throwIfAny();
    }

    /** With the best step size. */
    public GradientDescentIterate(int steps) {
        this(steps, null);
    }

    /** Whether the step size is chosen on the fit prompts. */
    public boolean bestLr() {
        return lr == null;
    }

    @Override
    public String label() {
        return word() + "(" + steps + (lr == null ? "" : ";lr=" + BaselineNames.number(lr)) + ")";
    }
}
