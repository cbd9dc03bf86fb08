package org.iclab.report;

import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iclab.eval.ErrorCurve;
import org.iclab.spec.Experiment;

/** A run's evaluation, as eval.csv and eval.json (what the run directory's writeEvaluation writes). */
final class EvaluationFiles {
    static final String CSV = "eval.csv";
    static final String JSON = "eval.json";

    private EvaluationFiles() {
    }

    /**
     * eval.csv (tidy long form) and eval.json (the same rows). For classification tasks each eval.json row also
     * carries {@code accuracy} = 1 − error and its interval {@code accuracy_ci_low} = 1 − ci_high,
     * {@code accuracy_ci_high} = 1 − ci_low, and a token task's rows the scores its objective reports beside the error ({@code cross_entropy}, {@code perplexity}, ...);
     * eval.csv keeps its columns for every task.
     */
    static void write(Path root, Experiment experiment, List<ErrorCurve> curves) {
        boolean classification = experiment.task().objective().reportsAccuracy();
        StringBuilder csv = new StringBuilder("strategy,learner,k,error,ci_low,ci_high\n");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ErrorCurve c : curves) {
            for (int k = 0; k < c.points(); k++) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s%n", c.strategy(), c.learner(), k,
                        num(c.error()[k]), num(c.ciLow()[k]), num(c.ciHigh()[k])));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("strategy", c.strategy());
                row.put("learner", c.learner());
                row.put("k", k);
                // a token task's positions that no sequence scores have no error: null in JSON
                row.put("error", finite(c.error()[k]));
                row.put("ci_low", finite(c.ciLow()[k]));
                row.put("ci_high", finite(c.ciHigh()[k]));
                if (classification) {
                    row.put("accuracy", finite(1 - c.error()[k]));
                    row.put("accuracy_ci_low", finite(1 - c.ciHigh()[k]));
                    row.put("accuracy_ci_high", finite(1 - c.ciLow()[k]));
                }
                for (var measure : new TreeMap<>(c.beside()).entrySet()) {
                    row.put(measure.getKey(), finite(measure.getValue()[k])); // the scores beside a token task's error
                }
                rows.add(row);
            }
        }
        try {
            AtomicFiles.write(root.resolve(CSV), csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeFile(root.resolve(JSON), rows);
    }

    /** JSON has no NaN: a value that is not defined is written as null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static String num(double v) {
        return Double.toString(v);
    }
}
