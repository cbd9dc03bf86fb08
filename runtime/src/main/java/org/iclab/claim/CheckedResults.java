package org.iclab.claim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclab.spec.Experiment;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.strategy.Strategy;

/**
 * The checks every reading of results makes against what the script declares: the experiment, its learners and
 * strategies, the k its evaluation reaches, the columns its objective reports, its sweep's axes and points. Each failed
 * check is a {@link ClaimException} that names what the script has.
 */
abstract class CheckedResults implements Results {
    /** The columns every evaluation has; the others are its objective's ({@link org.iclab.spec.Objective#columns}). */
    private static final List<String> COLUMNS = List.of("error", "ci_low", "ci_high");

    private final Map<String, Experiment> experiments;
    private final Map<String, Map<String, List<String>>> axes;

    /**
     * @param experiments the script's experiments by name
     * @param axes        each experiment's sweep axes (path → values, in order), seeds excluded; none for most
     */
    CheckedResults(Map<String, Experiment> experiments, Map<String, Map<String, List<String>>> axes) {
        this.experiments = Map.copyOf(experiments);
        this.axes = Map.copyOf(axes);
    }

    /** The declared experiment {@code name}. */
    final Experiment experiment(String name) {
        Experiment e = experiments.get(name);
        if (e == null) {
            throw new ClaimException("reads experiment '" + name + "', which the script does not declare (experiments: "
                    + String.join(", ", experiments.keySet().stream().sorted().toList()) + ")");
        }
        return e;
    }

    /** The sweep axes of {@code experiment}: path → values (empty where it is no sweep). */
    final Map<String, List<String>> axesOf(String experiment) {
        experiment(experiment);
        return axes.getOrDefault(experiment, Map.of());
    }

    @Override
    public List<String> axis(String experiment, String path) {
        List<String> values = axesOf(experiment).get(path);
        if (values == null) {
            throw new ClaimException("reads the axis " + path + " of " + experiment + ", which " + (axesOf(experiment).isEmpty()
                    ? "is no sweep" : "sweeps only " + String.join(", ", axesOf(experiment).keySet())));
        }
        return values;
    }

    @Override
    public int maxK(String experiment) {
        Experiment e = experiment(experiment);
        return e.task().reportedKs(e.evaluate().points()) - 1;
    }

    /** Checks an eval.json reading against the declaration; the point's full axis values, in axis order. */
    final Map<String, String> checkEval(String name, Map<String, String> point, String column, String learner, String strategy, int k) {
        Experiment e = experiment(name);
        Set<String> learners = learners(e);
        if (!learners.contains(learner)) {
            throw new ClaimException("reads learner '" + learner + "' of " + name + ", which it does not evaluate (learners: "
                    + String.join(", ", learners) + ")");
        }
        List<String> strategies = e.evaluate().strategies().stream().map(Strategy::label).toList();
        if (!strategies.contains(strategy)) {
            throw new ClaimException("reads strategy '" + strategy + "' of " + name + ", which it does not evaluate (strategies: "
                    + String.join(", ", strategies) + ")");
        }
        if (k < 0 || k > maxK(name)) {
            throw new ClaimException("reads k = " + k + " of " + name + ", which evaluates k = 0.." + maxK(name));
        }
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.addAll(e.task().objective().columns());
        boolean standardPrompts = e.evaluate().strategies().stream().filter(st -> st.label().equals(strategy)).noneMatch(Strategy::queryDiffers);
        if (e.evaluate().agreement() > 0 && !learner.equals(MODEL) && !learner.startsWith(MODEL + "@") && standardPrompts) {
            columns.addAll(org.iclab.spec.EvalPlan.AGREEMENT_COLUMNS); // beside each baseline, with the model, on standard prompts
        }
        if (!columns.contains(column)) {
            throw new ClaimException("reads the column '" + column + "' of " + name + ", whose evaluation reports " + String.join(", ", columns));
        }
        return pointOf(name, point);
    }

    /** The sweep point {@code point} names, every axis given a value it takes. */
    final Map<String, String> pointOf(String name, Map<String, String> point) {
        Map<String, List<String>> swept = axesOf(name);
        for (var p : point.entrySet()) {
            List<String> values = swept.get(p.getKey());
            if (values == null) {
                throw new ClaimException("reads " + name + " at " + p.getKey() + "=" + p.getValue() + ", but " + name
                        + (swept.isEmpty() ? " is no sweep" : " sweeps only " + String.join(", ", swept.keySet())));
            }
            if (!values.contains(p.getValue())) {
                throw new ClaimException("reads " + name + " at " + p.getKey() + "=" + p.getValue() + ", which the sweep does not take (values: "
                        + String.join(", ", values) + ")");
            }
        }
        Set<String> missing = new LinkedHashSet<>(swept.keySet());
        missing.removeAll(point.keySet());
        if (!missing.isEmpty()) {
            throw new ClaimException("reads " + name + ", a sweep over " + String.join(", ", swept.keySet())
                    + ": say which point (along an axis, or at: [" + String.join(", ", missing.stream().map(m -> "'" + m + "': value").toList()) + "])");
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        swept.keySet().forEach(path -> ordered.put(path, point.get(path)));
        return ordered;
    }

    /** Checks that {@code name} is a single run, not a sweep (metrics and probes are read from one run). */
    final void checkSingle(String name, String what) {
        if (!axesOf(name).isEmpty()) {
            throw new ClaimException("reads " + what + " of " + name + ", a sweep over " + String.join(", ", axesOf(name).keySet())
                    + ": metrics and probes are read from experiments that are not swept");
        }
    }

    /** The learners eval.csv has for {@code e}: the model, the model at each further loop count, then the baselines. */
    static Set<String> learners(Experiment e) {
        Set<String> names = new LinkedHashSet<>();
        names.add(MODEL);
        if (e.evaluate().loops() != null) {
            e.evaluate().loops().forEach(n -> names.add(MODEL + "@" + n));
        }
        e.evaluate().baselines().stream().map(Baseline::learnerName).forEach(names::add);
        return names;
    }
}
