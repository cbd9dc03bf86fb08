package org.iclab.eval;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of the model during training ({@code train.evaluateEvery}): after {@code step} steps (0: before
 * the first), per strategy, the model's mean error at each k on the evaluation's prompts (null where undefined), and
 * its mean over the k where it is defined, and the measures taken ({@link Measures}): each under its word, per
 * strategy, a value per series. One line of metrics.jsonl; insertion order is the strategies' order.
 */
public record EvaluationLog(long step, Map<String, List<Double>> error, @JsonProperty("mean_error") Map<String, Double> meanError,
                            @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Map<String, Map<String, Double>>> measures) {
    public EvaluationLog {
        error = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(error)); // JSON has no NaN: an undefined error is null
        meanError = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanError));
        measures = measures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** An evaluation without measures. */
    public EvaluationLog(long step, Map<String, List<Double>> error, Map<String, Double> meanError) {
        this(step, error, meanError, null);
    }

    /**
     * A line of metrics.jsonl read back: the fields above, then each measure under its word (the induction scores of
     * lines written before measures were registered, {@code "layer 1": [heads]}, as series {@code L1H1}, ...).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    @SuppressWarnings("unchecked")
    static EvaluationLog read(Map<String, Object> line) {
        Map<String, List<Double>> error = new LinkedHashMap<>();
        ((Map<String, List<Number>>) line.getOrDefault("error", Map.of())).forEach((strategy, values) ->
                error.put(strategy, values.stream().map(v -> v == null ? null : v.doubleValue()).toList()));
        Map<String, Double> mean = new LinkedHashMap<>();
        ((Map<String, Number>) line.getOrDefault("mean_error", Map.of())).forEach((strategy, v) -> mean.put(strategy, v == null ? null : v.doubleValue()));
        Map<String, Map<String, Map<String, Double>>> measures = new LinkedHashMap<>();
        line.forEach((word, value) -> {
            if (List.of("step", "error", "mean_error").contains(word) || !(value instanceof Map<?, ?> byStrategy)) {
                return;
            }
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) byStrategy).forEach((strategy, series) -> {
                Map<String, Double> out = new LinkedHashMap<>();
                series.forEach((name, v) -> {
                    if (v instanceof List<?> heads && name.startsWith("layer ")) {
                        for (int h = 0; h < heads.size(); h++) {
                            out.put("L" + name.substring("layer ".length()) + "H" + (h + 1), heads.get(h) == null ? null : ((Number) heads.get(h)).doubleValue());
                        }
                    } else {
                        out.put(name, v == null ? null : ((Number) v).doubleValue());
                    }
                });
                values.put(strategy, out);
            });
            measures.put(word, values);
        });
        return new EvaluationLog(((Number) line.get("step")).longValue(), error, mean, measures);
    }

    /** Each measure under its word, for metrics.jsonl. */
    @JsonAnyGetter
    Map<String, Map<String, Map<String, Double>>> measuresByWord() {
        return measures;
    }

    /** The same evaluation with {@code measures} (word → strategy → series → value). */
    public EvaluationLog withMeasures(Map<String, Map<String, Map<String, Double>>> measures) {
        return new EvaluationLog(step, error, meanError, measures);
    }

    /** The model's curves among {@code curves}, strategy by strategy. */
    public static EvaluationLog of(long step, List<ErrorCurve> curves) {
        Map<String, List<Double>> error = new LinkedHashMap<>();
        Map<String, Double> mean = new LinkedHashMap<>();
        for (ErrorCurve c : curves) {
            if (c.learner().equals(Evaluator.MODEL)) {
                List<Double> values = new java.util.ArrayList<>();
                double sum = 0;
                int n = 0;
                for (double v : c.error()) {
                    values.add(Double.isFinite(v) ? v : null);
                    if (Double.isFinite(v)) {
                        sum += v;
                        n++;
                    }
                }
                error.put(c.strategy(), values);
                mean.put(c.strategy(), n == 0 ? null : sum / n);
            }
        }
        return new EvaluationLog(step, error, mean);
    }
}
