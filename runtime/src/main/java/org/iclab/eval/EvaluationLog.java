package org.iclab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of the model during training ({@code train.evaluateEvery}): after {@code step} steps (0: before
 * the first), per strategy, the model's mean error at each k on the evaluation's prompts, and its mean over k. One
 * line of metrics.jsonl.
 */
public record EvaluationLog(long step, Map<String, double[]> error, @JsonProperty("mean_error") Map<String, Double> meanError) {
    public EvaluationLog {
        error = Map.copyOf(error);
        meanError = Map.copyOf(meanError);
    }

    /** The model's curves among {@code curves}, strategy by strategy. */
    public static EvaluationLog of(long step, List<ErrorCurve> curves) {
        Map<String, double[]> error = new LinkedHashMap<>();
        Map<String, Double> mean = new LinkedHashMap<>();
        for (ErrorCurve c : curves) {
            if (c.learner().equals(Evaluator.MODEL)) {
                error.put(c.strategy(), c.error().clone());
                double sum = 0;
                int n = 0;
                for (double v : c.error()) {
                    if (Double.isFinite(v)) {
                        sum += v;
                        n++;
                    }
                }
                mean.put(c.strategy(), n == 0 ? Double.NaN : sum / n);
            }
        }
        return new EvaluationLog(step, error, mean);
    }
}
