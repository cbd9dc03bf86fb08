package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.strategy.Component;
import org.iclab.spec.strategy.ConvexCombination;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A mixture of function classes (Yadlowsky et al. 2023): each prompt's function comes from one component, drawn per
 * prompt with probability proportional to its weight, then from that component's own class (noise included). The
 * components share their input dimension and their loss; errors are reported as the first component reports them
 * (divided by d for dense linear regression), on every strategy, so the curves of the mixture and of each
 * {@code component(i)} are on one scale. Evaluation reports the mixture ({@code standard}) and every component on its own
 * ({@code component(0)}, {@code component(1)}, ...) unless strategies are declared.
 *
 * <pre>
 * Java:   Iclab.mixture(List.of(Iclab.linearRegression(8), Iclab.sparseLinearRegression(8, 2)), List.of(0.5, 0.5))
 * Groovy: task mixture(linearRegression(8), sparseLinearRegression(dims: 8, sparsity: 2), weights: [0.5, 0.5])
 * </pre>
 */
@Setting("A mixture of function classes: each prompt's function comes from one component, drawn by weight.")
@Word("mixture")
public record Mixture(@Setting(value = "The function classes mixed, each with the same dims and loss.", range = "at least 2 tasks") List<Task> components,
                      @Setting(value = "Relative probability of each component (normalised).", range = "one a component, each >= 0, sum > 0",
                              defaults = "equal") List<Double> weights) implements Task {
    public Mixture {
        components = components == null ? List.of() : List.copyOf(components);
        List<?> written = weights;
        weights = weights == null || weights.isEmpty() ? equal(components.size()) : doubles(weights);
        boolean numbers = weights.stream().allMatch(w -> w >= 0 && Double.isFinite(w));
        var problems = Problems.in("task.mixture")
                .require(components.size() >= 2, "components", "must hold at least 2 function classes", components.size())
                .require(weights.size() == components.size(), "weights", "must have one weight a component (" + components.size() + ")", weights)
                .require(numbers, "weights", "must each be a finite number >= 0", written)
                .require(!numbers || weights.stream().mapToDouble(Double::doubleValue).sum() > 0, "weights", "must sum to more than 0", weights);
        problems.require(components.stream().noneMatch(c -> c instanceof Mixture || c instanceof TokenTask), "components",
                "must be function classes of (x, y) pairs, not mixtures or token tasks", names(components));
        if (!components.isEmpty()) {
            Task first = components.get(0);
            problems.require(components.stream().allMatch(c -> c.dims() == first.dims()), "components",
                    "must share one input dimension", components.stream().map(Task::dims).toList());
            problems.require(components.stream().allMatch(c -> c.objective().loss() == first.objective().loss()), "components",
                    "must share one loss", components.stream().map(c -> c.objective().loss()).toList());
        }
        problems.throwIfAny();
    }

    public Mixture(List<Task> components) {
        this(components, null);
    }

    /** The weights as doubles, whatever numbers a script wrote (Groovy's decimals); NaN for what is no number (refused). */
    private static List<Double> doubles(List<?> weights) {
        return weights.stream().map(w -> w instanceof Number n ? n.doubleValue() : Double.NaN).toList();
    }

    private static List<Double> equal(int n) {
        return java.util.Collections.nCopies(n, 1.0);
    }

    private static List<String> names(List<Task> components) {
        return components.stream().map(c -> c.getClass().getSimpleName()).toList();
    }

    /** The probability of component {@code i}. */
    public double probability(int i) {
        return weights.get(i) / weights.stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public int dims() {
        return components.get(0).dims();
    }

    /** The first component's objective: its loss, which every component shares, and its error scale. */
    @Override
    public Objective objective() {
        return components.get(0).objective();
    }

    /** Every component's default baselines, each once, in component order, and {@code bayes()} where the prior allows. */
    @Override
    public List<Baseline> defaultBaselines() {
        var all = new LinkedHashSet<Baseline>();
        components.forEach(c -> all.addAll(c.defaultBaselines()));
        if (new Bayes().cannotScore(this) == null) {
            all.add(new Bayes());
        }
        return List.copyOf(all);
    }

    /** The mixture ({@code standard}) and each component on its own. */
    @Override
    public List<Strategy> defaultStrategies() {
        List<Strategy> all = new ArrayList<>();
        all.add(new Standard());
        for (int i = 0; i < components.size(); i++) {
            all.add(new Component(i));
        }
        return List.copyOf(all);
    }

    @Override
    public Inputs defaultInputs() {
        return components.get(0).defaultInputs();
    }

    @Override
    public String cannotRead(Inputs inputs) {
        return components.stream().map(c -> c.cannotRead(inputs)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The strategies of mixtures (which check themselves), and what every component accepts. */
    @Override
    public boolean accepts(Strategy strategy) {
        return strategy instanceof Component || strategy instanceof ConvexCombination || components.stream().allMatch(c -> c.accepts(strategy));
    }

    @Override
    public boolean hasWeights() {
        return components.stream().allMatch(Task::hasWeights);
    }
}
