package org.iclab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.iclab.probe.ProbeResults;
import org.iclab.probe.ProbeRow;
import org.iclab.spec.task.Task;

/**
 * The end-of-probes summary: each linear and pooled probe's R² (pooled ones named {@code pooled} or {@code mlp}) (mean over its k) by layer, the read-outs' error at the last k by
 * layer beside the model's own, and each alignment's best-matching iterate by layer. The rest is in probes.csv.
 */
final class ProbeTable {
    private ProbeTable() {
    }

    static List<String> lines(ProbeResults results, Task task) {
        List<String> lines = new ArrayList<>();
        TreeSet<Integer> layers = new TreeSet<>();
        results.layers().forEach(l -> layers.add(l.layer()));
        results.rows(ProbeRow.READOUT).forEach(r -> layers.add(r.layer()));
        results.alignments().forEach(a -> layers.addAll(a.layers()));
        Map<String, Map<Integer, Double>> table = new LinkedHashMap<>();
        for (ProbeResults.LayerScore l : results.layers()) {
            String name = (l.probe().equals(ProbeRow.CONTROL) ? "control "
                    : l.probe().equals(ProbeRow.LINEAR) ? "" : l.probe() + " ") + l.target();
            table.computeIfAbsent(name, x -> new LinkedHashMap<>()).put(l.layer(), l.score());
        }
        int last = results.points() - 1;
        List<ProbeRow> readouts = results.rows(ProbeRow.READOUT).stream().filter(r -> r.k() == last).toList();
        if (!readouts.isEmpty()) {
            Map<Integer, Double> row = new LinkedHashMap<>();
            readouts.forEach(r -> row.put(r.layer(), r.score()));
            table.put("read-out " + ErrorTable.title(task) + " k=" + last, row);
        }
        int width = Math.max(24, table.keySet().stream().mapToInt(String::length).max().orElse(0));
        if (!table.isEmpty()) {
            StringBuilder header = new StringBuilder(pad("R² by layer (mean over k)", width));
            for (int l : layers) {
                header.append(String.format(Locale.ROOT, "%10s", "layer " + l));
            }
            lines.add(header.toString());
            for (var entry : table.entrySet()) {
                StringBuilder row = new StringBuilder(pad(entry.getKey(), width));
                for (int l : layers) {
                    Double v = entry.getValue().get(l);
                    row.append(v == null ? String.format(Locale.ROOT, "%10s", "") : ErrorTable.number(v));
                }
                lines.add(row.toString());
            }
        }
        results.rows(ProbeRow.MODEL).stream().filter(r -> r.k() == last).findFirst().ifPresent(r ->
                lines.add(String.format(Locale.ROOT, "model's own %s at k=%d: %.4f", ErrorTable.title(task), last, r.score())));
        for (ProbeResults.Alignment a : results.alignments()) {
            StringBuilder row = new StringBuilder("best " + a.algorithm() + " iterate by layer:");
            for (int i = 0; i < a.layers().size(); i++) {
                row.append(String.format(Locale.ROOT, "  %d:%d (%.2f)", a.layers().get(i), a.iterates().get(a.best()[i]),
                        a.similarity()[i][a.best()[i]]));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
