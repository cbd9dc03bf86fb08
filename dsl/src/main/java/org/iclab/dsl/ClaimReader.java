package org.iclab.dsl;

import groovy.lang.IntRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.claim.ClaimException;
import org.iclab.claim.Results;
import org.iclab.spec.Setting;

/**
 * What a claim's block reads, over one seed's {@link Results}: a learner's error, accuracy or any column of eval.json at a
 * k or a range of k, a metric along training, a probe score by layer, and a sweep along an axis.
 *
 * <pre>
 * error('lr', k: 10)                                  the model's error at k = 10 under standard
 * error('lr', learner: 'leastSquares', k: 1..10)      a list, one a k
 * accuracy('conj', k: 29, strategy: 'standard')       1 − error, where the evaluation reports it
 * value('lang', 'cross_entropy', k: 5)                any column of eval.json (the error and those beside it)
 * metric('lr', 'loss', step: 500)                     metrics.jsonl at the last logged step &lt;= 500
 * firstStep('lr', 'loss', below: 0.5)                 the first logged step at or below (a failed reading if never)
 * steepestStep('ind', 'induction/standard/L1H1')      where it rises fastest (falling: true for the fastest fall)
 * probe('probe', target: 'weights', layer: 2)         the mean over k of probes.csv's score (k: for one k)
 * along('div', 'train.pool.tasks', k: 15)             axis value → error, in the sweep's order
 * mean(list)                                          the mean of numbers
 * </pre>
 */
public final class ClaimReader {
    private final Results results;

    ClaimReader(Results results) {
        this.results = results;
    }

    /** The model's error (or {@code learner:}'s) at {@code k:} under {@code strategy:}: a number, or a list for a range. */
    @Setting(value = "A learner's error at k (a number, or a list for a range of k); learner: model, strategy: standard and k: the largest by default; at: a sweep point.", example = "error('lr', learner: 'leastSquares', k: 1..10, strategy: 'standard')")
    public Object error(Map<String, ?> named, String experiment) {
        return read(named, experiment, "error");
    }

    /** The model's error at the largest k. */
    public Object error(String experiment) {
        return error(Map.of(), experiment);
    }

    /** 1 − error ({@code accuracy} in eval.json, for classification and token tasks). */
    @Setting(value = "1 - error, for a task whose evaluation reports it (classification, token tasks; eval.json); as error.", example = "accuracy('conj', k: 29)")
    public Object accuracy(Map<String, ?> named, String experiment) {
        return read(named, experiment, "accuracy");
    }

    public Object accuracy(String experiment) {
        return accuracy(Map.of(), experiment);
    }

    /** Any column of eval.json ({@code cross_entropy}, {@code perplexity}, {@code ci_high}, ...). */
    @Setting(value = "Any column of eval.json: ci_low, ci_high, and those its objective reports (cross_entropy, perplexity, ...); as error.", example = "value('lang', 'cross_entropy', k: 5)")
    public Object value(Map<String, ?> named, String experiment, String column) {
        return read(named, experiment, column);
    }

    public Object value(String experiment, String column) {
        return value(Map.of(), experiment, column);
    }

    /** {@code key} of metrics.jsonl at {@code step:} (the last logged step at or before it). */
    @Setting(value = "A metrics.jsonl key (loss, lr; or a path into the evaluations during training: mean_error/standard, induction/standard/L1H1, error/standard/5) at the last logged step at or before step:.", example = "metric('lr', 'loss', step: 500)")
    public double metric(Map<String, ?> named, String experiment, String key) {
        Named n = new Named("metric", named, List.of("step"));
        return results.metric(experiment, key, n.whole("step", null));
    }

    /** The first logged step at or {@code below:} a level, or at or {@code above:} it; a failed reading if none. */
    @Setting(value = "The first logged step whose key is at or below: (or at or above:) a level; a reading that fails if it never does.", example = "firstStep('lr', 'loss', below: 0.5)")
    public Long firstStep(Map<String, ?> named, String experiment, String key) {
        Named n = new Named("firstStep", named, List.of("below", "above"));
        if (n.has("below") == n.has("above")) {
            throw new ClaimException("firstStep takes one of below: or above:, was " + named.keySet());
        }
        boolean below = n.has("below");
        return results.firstStep(experiment, key, n.number(below ? "below" : "above"), below);
    }

    /** The logged step where {@code key} rises fastest ({@code falling: true}: falls fastest). */
    @Setting(value = "The logged step where key rises fastest (falling: true: falls fastest).", example = "steepestStep('ind', 'induction/standard/L1H1')")
    public long steepestStep(Map<String, ?> named, String experiment, String key) {
        Named n = new Named("steepestStep", named, List.of("falling"));
        return results.steepestStep(experiment, key, !(n.has("falling") && Boolean.TRUE.equals(n.value("falling"))));
    }

    public long steepestStep(String experiment, String key) {
        return steepestStep(Map.of(), experiment, key);
    }

    /**
     * A probe's score for {@code target:} at {@code layer:} ({@code probe:} linear by default; {@code k:} one k, else
     * the mean over k; no layer: the rows without one, as an alignment probe's {@code iterate} rows).
     */
    @Setting(value = "A probe's score (probe: linear by default) for target: at layer:, the mean over k (k: one k); no layer: the rows without one (iterate).", example = "probe('p', target: 'weights', layer: 2)")
    public double probe(Map<String, ?> named, String experiment) {
        Named n = new Named("probe", named, List.of("probe", "target", "layer", "k"));
        String probe = n.has("probe") ? n.text("probe") : "linear";
        return results.probe(experiment, probe, n.text("target"), n.has("layer") ? (int) n.whole("layer", null) : null,
                n.has("k") ? (int) n.whole("k", null) : null);
    }

    /** The values of a sweep axis at {@code k:} for {@code learner:} under {@code strategy:} (column {@code value:}, error by default). */
    @Setting(value = "A swept experiment along an axis: axis value -> error (value: another column) at k:, in the sweep's order.", example = "along('div', 'train.pool.tasks', k: 15)")
    public Map<String, Double> along(Map<String, ?> named, String experiment, String axis) {
        Named n = new Named("along", named, List.of("k", "learner", "strategy", "value", "at"));
        Map<String, Double> out = new LinkedHashMap<>();
        int k = n.has("k") ? (int) n.whole("k", null) : results.maxK(experiment);
        for (String v : results.axis(experiment, axis)) {
            Map<String, String> point = new LinkedHashMap<>(n.point());
            point.put(axis, v);
            out.put(v, results.eval(experiment, point, n.has("value") ? n.text("value") : "error", n.learner(), n.strategy(), k));
        }
        return out;
    }

    /** The model's error at the largest k along a sweep axis. */
    public Map<String, Double> along(String experiment, String axis) {
        return along(Map.of(), experiment, axis);
    }

    /** The values of an axis of the experiment's sweep. */
    @Setting(value = "The values of a sweep axis of the experiment, in order.", example = "axis('div', 'train.pool.tasks')")
    public List<String> axis(String experiment, String path) {
        return results.axis(experiment, path);
    }

    /** The largest k the experiment evaluates at. */
    @Setting(value = "The largest k the experiment evaluates at (evaluate.points - 1).", example = "error('lr', k: maxK('lr'))")
    public int maxK(String experiment) {
        return results.maxK(experiment);
    }

    /** The mean of numbers (a list, or a map's values). */
    @Setting(value = "The mean of numbers: a list, or a map's values.", example = "mean(error('lr', k: 10..20))")
    public double mean(Object values) {
        Collection<?> c = values instanceof Map<?, ?> m ? m.values() : values instanceof Collection<?> l ? l : List.of(values);
        if (c.isEmpty()) {
            throw new ClaimException("mean of no numbers");
        }
        double sum = 0;
        for (Object o : c) {
            if (!(o instanceof Number x)) {
                throw new ClaimException("mean takes numbers, was given " + o);
            }
            sum += x.doubleValue();
        }
        return sum / c.size();
    }

    private Object read(Map<String, ?> named, String experiment, String column) {
        Named n = new Named(column, named, List.of("k", "learner", "strategy", "at"));
        Object k = n.has("k") ? n.value("k") : results.maxK(experiment);
        if (k instanceof IntRange || k instanceof List<?>) {
            List<Double> out = new ArrayList<>();
            for (Object each : (List<?>) k) {
                out.add(results.eval(experiment, n.point(), column, n.learner(), n.strategy(), whole(column, "k", each)));
            }
            return out;
        }
        return results.eval(experiment, n.point(), column, n.learner(), n.strategy(), whole(column, "k", k));
    }

    private static int whole(String what, String name, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).intValue();
        }
        throw new ClaimException(what + "'s " + name + ": must be a whole number, a range (10..20) or a list of them, was " + v);
    }

    /** A reading's named arguments, each checked against those it takes. */
    private static final class Named {
        private final String what;
        private final Map<String, ?> values;

        Named(String what, Map<String, ?> values, List<String> known) {
            this.what = what;
            this.values = values;
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new ClaimException(Suggestions.unknown("setting", name, what, known));
                }
            }
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        Object value(String name) {
            return values.get(name);
        }

        String text(String name) {
            if (!(values.get(name) instanceof CharSequence s)) {
                throw new ClaimException(what + "'s " + name + ": must be text, was " + values.get(name));
            }
            return s.toString();
        }

        double number(String name) {
            if (!(values.get(name) instanceof Number x)) {
                throw new ClaimException(what + "'s " + name + ": must be a number, was " + values.get(name));
            }
            return x.doubleValue();
        }

        long whole(String name, Long otherwise) {
            if (!has(name)) {
                if (otherwise == null) {
                    throw new ClaimException(what + " needs " + name + ":");
                }
                return otherwise;
            }
            if (!(values.get(name) instanceof Integer || values.get(name) instanceof Long)) {
                throw new ClaimException(what + "'s " + name + ": must be a whole number, was " + values.get(name));
            }
            return ((Number) values.get(name)).longValue();
        }

        String learner() {
            return has("learner") ? text("learner") : Results.MODEL;
        }

        String strategy() {
            return has("strategy") ? text("strategy") : Results.STANDARD;
        }

        Map<String, String> point() {
            if (!has("at")) {
                return Map.of();
            }
            if (!(values.get("at") instanceof Map<?, ?> at)) {
                throw new ClaimException(what + "'s at: must name a sweep point, as at: ['train.pool.tasks': 16], was " + values.get("at"));
            }
            Map<String, String> point = new LinkedHashMap<>();
            at.forEach((k, v) -> point.put(String.valueOf(k), String.valueOf(v)));
            return point;
        }
    }
}
