package org.iclab.spec.strategy;

import org.iclab.spec.Extension;
import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.task.Task;
/**
 * Functions outside a {@link Mixture} of regression classes (Yadlowsky et al.'s convex combinations): per prompt,
 * f = a·f₁ + (1 − a)·f₂ with f₁ drawn from component {@code first} and f₂ from component {@code second}, each as its
 * component draws it, and the observation noise of component {@code first}.
 *
 * <pre>
 * Java:   Iclab.convexCombination(0.5)  Groovy:  strategies convexCombination(0.5), convexCombination(a: 0.25, first: 0, second: 2)
 * </pre>
 */
@Setting("Functions a*f1 + (1 - a)*f2 of two components of a mixture (outside it for 0 < a < 1).")
@Word("convexCombination")
public record ConvexCombination(@Setting(value = "The weight of the first component's function.", range = "[0, 1]") double a,
                                @Setting(value = "The first component, counting from 0.", range = ">= 0", defaults = "0") int first,
                                @Setting(value = "The second component, counting from 0.", range = ">= 0 and != first", defaults = "1") int second)
        implements Strategy {
    public ConvexCombination {
        Problems.in("evaluate.strategies.convexCombination")
                .require(a >= 0 && a <= 1, "a", "must be in [0, 1]", a)
                .require(first >= 0, "first", "must be >= 0", first)
                .require(second >= 0, "second", "must be >= 0", second)
                .require(first != second, "second", "must differ from first", second)
                .throwIfAny();
    }

    public ConvexCombination(double a) {
        this(a, 0, 1);
    }

    @Override
    public String cannotEvaluate(Task task) {
        if (!(task instanceof Mixture m) || task.objective().loss() != Objective.Loss.SQUARED_ERROR) {
            return "is for a mixture of regression classes (squared error)";
        }
        return Math.max(first, second) < m.components().size() ? null
                : "needs first and second < the mixture's " + m.components().size() + " components";
    }

    @Override
    public String label() {
        String pair = first == 0 && second == 1 ? "" : ", " + first + ", " + second;
        return Extension.wordOf(getClass()) + "(" + Strategy.number(a) + pair + ")";
    }
}
