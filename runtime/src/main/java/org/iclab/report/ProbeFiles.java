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
import org.iclab.probe.ProbeResults;
import org.iclab.probe.ProbeRow;
import org.iclab.spec.Experiment;

/** A run's probe results: probes.csv, probes.json, attention.csv and the probe figures (what the run directory's writeProbes writes). */
final class ProbeFiles {
    static final String CSV = "probes.csv";
    static final String JSON = "probes.json";
    static final String ATTENTION = "attention.csv";

    private ProbeFiles() {
    }

    /**
     * The probes' results: probes.csv (tidy rows {@code probe,target,layer,k,score,ci_low,ci_high}; layer empty for
     * the model's own error and the iterates' errors), probes.json (the same rows with each linear probe's cosine,
     * control scores and selectivity, then the per-layer summaries, the alignment matrices and best matches, the
     * chosen step sizes and the plan), attention.csv when attention maps were asked for, and the figures under
     * {@code plots/}. Each file is written atomically; figures last, so that a plotting failure costs no numbers.
     */
    static void write(Path root, Path plots, Experiment experiment, ProbeResults results) {
        StringBuilder csv = new StringBuilder("probe,target,layer,k,score,ci_low,ci_high\n");
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (ProbeRow r : results.rows()) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s%n", r.probe(), r.target(), r.layer() == null ? "" : r.layer(),
                    r.k(), EvaluationFiles.num(r.score()), EvaluationFiles.num(r.ciLow()), EvaluationFiles.num(r.ciHigh())));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("probe", r.probe());
            row.put("target", r.target());
            row.put("layer", r.layer());
            row.put("k", r.k());
            row.put("score", EvaluationFiles.finite(r.score()));
            row.put("ci_low", EvaluationFiles.finite(r.ciLow()));
            row.put("ci_high", EvaluationFiles.finite(r.ciHigh()));
            if (r.cosine() != null) {
                row.put("cosine", EvaluationFiles.finite(r.cosine()));
            }
            if (!r.controls().isEmpty()) {
                Map<String, Object> control = new LinkedHashMap<>();
                Map<String, Object> selectivity = new LinkedHashMap<>();
                r.controls().forEach((word, score) -> {
                    control.put(word, EvaluationFiles.finite(score));
                    selectivity.put(word, EvaluationFiles.finite(r.score() - score));
                });
                row.put("control", control);
                row.put("selectivity", selectivity);
            }
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fit_prompts", results.plan().prompts());
        json.put("held_out_prompts", results.plan().heldOut());
        json.put("points", results.points());
        json.put("layers", results.hiddenCount() - 1);
        json.put("seconds", results.seconds());
        json.put("rows", rows);
        List<Map<String, Object>> summaries = new java.util.ArrayList<>();
        for (ProbeResults.LayerScore l : results.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("probe", l.probe());
            m.put("target", l.target());
            m.put("layer", l.layer());
            m.put("mean_score", EvaluationFiles.finite(l.score()));
            m.put("ci_low", EvaluationFiles.finite(l.ciLow()));
            m.put("ci_high", EvaluationFiles.finite(l.ciHigh()));
            m.put("k", l.ks());
            summaries.add(m);
        }
        json.put("by_layer", summaries);
        List<Map<String, Object>> alignments = new java.util.ArrayList<>();
        for (ProbeResults.Alignment a : results.alignments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("algorithm", a.algorithm());
            m.put("layers", a.layers());
            m.put("iterates", a.iterates());
            List<List<Object>> matrix = new java.util.ArrayList<>();
            for (double[] row : a.similarity()) {
                List<Object> values = new java.util.ArrayList<>();
                for (double v : row) {
                    values.add(EvaluationFiles.finite(v));
                }
                matrix.add(values);
            }
            m.put("similarity", matrix);
            List<Map<String, Object>> best = new java.util.ArrayList<>();
            for (int i = 0; i < a.layers().size(); i++) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("layer", a.layers().get(i));
                b.put("iterate", a.iterates().get(a.best()[i]));
                b.put("label", a.labels().get(a.best()[i]));
                b.put("similarity", EvaluationFiles.finite(a.similarity()[i][a.best()[i]]));
                best.add(b);
            }
            m.put("best", best);
            alignments.add(m);
        }
        json.put("alignment", alignments);
        json.put("steps", results.steps());
        List<Map<String, Object>> pooling = new java.util.ArrayList<>();
        for (ProbeResults.Pooling w : results.pooling()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("probe", w.probe());
            m.put("target", w.target());
            m.put("layer", w.layer());
            m.put("k", w.k());
            m.put("token_weights", w.weights());
            pooling.add(m);
        }
        if (!pooling.isEmpty()) {
            json.put("pooling", pooling);
        }
        if (results.attention() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("prompts", results.attention().prompts());
            a.put("layers", results.attention().weights().size());
            a.put("heads", results.attention().heads());
            a.put("tokens", results.attention().tokens());
            a.put("file", ATTENTION);
            json.put("attention", a);
        }
        json.put("plan", results.plan());
        try {
            AtomicFiles.write(root.resolve(CSV), csv.toString());
            if (results.attention() != null) {
                AtomicFiles.write(root.resolve(ATTENTION), attentionCsv(results.attention()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeFile(root.resolve(JSON), json);
        try {
            ProbePlots.write(plots, experiment, results);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the probe plots of " + root, e);
        }
    }

    /** prompt,layer,head,query,key,weight for every key at or before its query (the causal mask zeroes the rest). */
    private static String attentionCsv(ProbeResults.AttentionMaps maps) {
        StringBuilder csv = new StringBuilder("prompt,layer,head,query,key,weight\n");
        for (int p = 0; p < maps.prompts(); p++) {
            for (int l = 0; l < maps.weights().size(); l++) {
                for (int h = 0; h < maps.heads(); h++) {
                    for (int q = 0; q < maps.tokens(); q++) {
                        for (int k = 0; k <= q; k++) {
                            csv.append(p).append(',').append(l).append(',').append(h).append(',').append(q).append(',').append(k)
                                    .append(',').append(maps.at(l, p, h, q, k)).append('\n');
                        }
                    }
                }
            }
        }
        return csv.toString();
    }
}
