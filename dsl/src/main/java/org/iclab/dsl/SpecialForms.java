package org.iclab.dsl;

import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.probe.GradientDescent;
import org.iclab.spec.probe.GradientDescentIterate;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.probe.Newton;
import org.iclab.spec.strategy.Outside;
import org.iclab.spec.task.Task;

/**
 * The few DSL forms that are not the registry's generic ones ({@link Words}): the probe algorithms' ranges of
 * counts and {@code lr: 'best'}, words given before named settings ({@code mixture}, {@code outside}), and {@code all()}. {@link Words} calls a
 * form here when one takes the arguments given, and the generic form otherwise; nothing here is imported into
 * scripts.
 */
public final class SpecialForms {
    private SpecialForms() {
    }

    /**
     * {@code strategies all()}: every strategy, as Garg et al. evaluate them; in a probe, {@code layers: all()}: every
     * layer (see {@link Every}).
     */
    public static Every all() {
        return new Every();
    }

    /**
     * {@code mixture(linearRegression(8), sparseLinearRegression(dims: 8, sparsity: 2), weights: [0.7, 0.3])}: the
     * components in order, the weights named.
     */
    public static Mixture mixture(Map<String, ?> settings, Task... components) {
        NamedArguments args = new NamedArguments("mixture", settings, List.of("components", "weights"));
        List<Task> all = new java.util.ArrayList<>(List.of(components));
        if (args.has("components")) {
            if (!(args.value("components") instanceof List<?> listed) || !listed.stream().allMatch(Task.class::isInstance)) {
                throw new org.iclab.spec.SpecException("mixture", "components", "must be a list of function classes", args.value("components"));
            }
            listed.forEach(t -> all.add((Task) t));
        }
        Object weights = args.has("weights") ? args.value("weights") : null;
        if (weights != null && !(weights instanceof List<?>)) {
            throw new org.iclab.spec.SpecException("mixture", "weights", "must be a list of numbers, one a component", weights);
        }
        @SuppressWarnings("unchecked")
        List<Double> w = (List<Double>) weights; // the record reads each element as a number
        return new Mixture(all, w);
    }

    /** {@code outside(sinusoid(dims: 1, frequency: 4..8), name: 'fast-sine')}: the class first, its label's name named. */
    public static Outside outside(Map<String, ?> settings, Task task) {
        NamedArguments args = new NamedArguments("outside", settings, List.of("name"));
        return new Outside(task, args.has("name") ? (String) args.convert("name", String.class) : null);
    }

    /** {@code gradientDescentIterate(steps: 1)}, {@code gradientDescentIterate(steps: 3, lr: 0.1)}, {@code lr: 'best'}. */
    public static GradientDescentIterate gradientDescentIterate(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("gradientDescentIterate", settings, List.of("steps", "lr"));
        if (!args.has("steps")) {
            throw new org.iclab.spec.SpecException("gradientDescentIterate", "steps", "is required", "missing");
        }
        return new GradientDescentIterate((int) args.convert("steps", int.class), ProbeArguments.stepSize(args, "gradientDescentIterate"));
    }

    /**
     * {@code newton(iterations: 1..20)}, {@code newton(iterations: [1, 2, 4, 8])}, {@code newton(iterations: 10)} (1..10);
     * {@code alpha: 'paper'} for Fu et al.'s scale.
     */
    public static Newton newton(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("newton", settings, List.of("iterations", "alpha"));
        List<Integer> iterations = args.has("iterations") ? ProbeArguments.counts(args, "newton", "iterations") : Iclab.newton().iterations();
        return new Newton(iterations, args.has("alpha") ? (String) args.convert("alpha", String.class) : Newton.BALANCED);
    }

    /** {@code gradientDescent(steps: 1..20)}, {@code gradientDescent(steps: 1..10, lr: 0.1)}, {@code lr: 'best'}. */
    public static GradientDescent gradientDescent(Map<String, ?> settings) {
        NamedArguments args = new NamedArguments("gradientDescent", settings, List.of("steps", "lr"));
        List<Integer> steps = args.has("steps") ? ProbeArguments.counts(args, "gradientDescent", "steps") : Iclab.gradientDescent().steps();
        return new GradientDescent(steps, ProbeArguments.stepSize(args, "gradientDescent"));
    }
}
