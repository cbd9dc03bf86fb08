package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.BaselineNames;
import java.util.List;

/**
 * Gradient descent from w = 0 on the first k examples' loss ||Xw - y||² / (2k): which step count each layer's
 * read-out matches (Fu et al.'s comparison with first-order methods). Without an lr ({@code lr: 'best'}) each step
 * count t gets its own step size, chosen per k on the fit prompts as the one whose t-th iterate predicts y_{k+1}
 * best: the best t-step gradient descent.
 *
 * <pre>
 * Java:   Iclab.gradientDescent()   (steps 1..20)     Iclab.gradientDescent(10, 0.1)
 * Groovy: gradientDescent(steps: 1..20)               gradientDescent(steps: 1..10, lr: 0.1)
 * </pre>
 *
 * @param lr the step size, or null for the best one per step count ('best')
 */
@Setting("Gradient descent from 0 on the first k examples: which of its steps each layer matches.")
@Word("gradientDescent")
public record GradientDescent(
        @Setting(value = "The step counts t compared.", range = "non-empty, each >= 1", defaults = "1..20") List<Integer> steps,
        @Setting(value = "Step size, or 'best': chosen per step count and k on the fit prompts.", range = "a finite number > 0, or 'best'",
                defaults = "'best'") Double lr) implements Algorithm {
    public static final int DEFAULT_STEPS = 20;

    public GradientDescent {
        Problems.in("probes.gradientDescent")
                .require(steps != null && !steps.isEmpty(), "steps", "must name at least one step count", steps)
                .require(lr == null || (lr > 0 && Double.isFinite(lr)), "lr", "must be a finite number > 0 or 'best'", lr)
                .throwIfAny();
        Problems.in("probes.gradientDescent")
                .require(steps.stream().allMatch(t -> t != null && t >= 1), "steps", "must each be >= 1", steps)
                .throwIfAny();
        steps = List.copyOf(new java.util.TreeSet<>(steps));
    }

    /** Steps 1..20 with the best step size. */
    public GradientDescent() {
        this(DEFAULT_STEPS);
    }

    /** Steps 1..{@code last} with the best step size. */
    public GradientDescent(int last) {
        this(Newton.range(Math.max(1, last)), null);
    }

    @Override
    public List<Integer> iterates() {
        return steps;
    }

    @Override
    public String label(int iterate) {
        return word() + "(" + iterate + (lr == null ? "" : ";lr=" + BaselineNames.number(lr)) + ")";
    }
}
