package org.iclab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of the model during training ({@code train.evaluateEvery}): after {@code step} steps (0: before
 * the first), per strategy, the model's mean error at each k on the evaluation's prompts (null where undefined), and
 * its mean over the k where it is defined, and for a token task read by a model with attention, per strategy the
 * induction score of each layer and head ({@link InductionScores}; absent where it has none). One line of
 * metrics.jsonl; insertion order is the strategies' order.
 */
public record EvaluationLog(long step, Map<String, List<Double>> error, @JsonProperty("mean_error") Map<String, Double> meanError,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                            Map<String, Map<String, List<Double>>> induction) {
    public EvaluationLog {
        error = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(error)); // JSON has no NaN: an undefined error is null
        meanError = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanError));
        induction = induction == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(induction));
    }

    /** An evaluation without induction scores. */
    public EvaluationLog(long step, Map<String, List<Double>> error, Map<String, Double> meanError) {
        this(step, error, meanError, null);
    }

    /** The same evaluation with {@code induction} scores (strategy → layer → heads). */
    public EvaluationLog withInduction(Map<String, Map<String, List<Double>>> induction) {
        return new EvaluationLog(step, error, meanError, induction);
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
