package org.iclab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.iclab.RunResult;
import org.iclab.eval.ErrorCurve;
import org.iclab.spec.task.Task;

/** The end-of-run summary: error (normalised by the task's error scale) at a few k for the model and each baseline. */
final class ErrorTable {
    private ErrorTable() {
    }

    /** k = 1, the task's dims, half the points and the last k, those that exist. */
    static List<Integer> ks(int points, int dims) {
        TreeSet<Integer> ks = new TreeSet<>(List.of(1, dims, points / 2, points - 1));
        ks.removeIf(k -> k < 0 || k >= points);
        return new ArrayList<>(ks);
    }

    /**
     * The positions {@code curve} scores, where some are not (a token task's mask): its first and last scored
     * positions and the one halfway between; {@code ks} where every position is scored.
     */
    static List<Integer> scored(List<Integer> ks, ErrorCurve curve) {
        List<Integer> finite = new ArrayList<>();
        for (int k = 0; k < curve.points(); k++) {
            if (!Double.isNaN(curve.at(k))) {
                finite.add(k);
            }
        }
        if (finite.size() == curve.points() || finite.isEmpty()) {
            return ks;
        }
        return new ArrayList<>(new TreeSet<>(List.of(finite.get(0), finite.get(finite.size() / 2), finite.get(finite.size() - 1))));
    }

    static List<String> lines(RunResult result) {
        List<ErrorCurve> curves = result.curves().stream().filter(c -> c.strategy().equals(result.curves().get(0).strategy())).toList();
        List<Integer> ks = scored(ks(curves.get(0).points(), result.experiment().task().dims()), curves.get(0));
        String title = title(result.experiment().task());
        int nameWidth = Math.max(title.length(), curves.stream().mapToInt(c -> Math.max(c.learner().length(),
                c.beside().keySet().stream().mapToInt(m -> m.length() + 2).max().orElse(0))).max().orElse(0));
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad(title, nameWidth));
        for (int k : ks) {
            header.append(String.format(Locale.ROOT, "%10s", "k=" + k));
        }
        lines.add(header.toString());
        for (ErrorCurve c : curves) {
            StringBuilder row = new StringBuilder(pad(c.learner(), nameWidth));
            for (int k : ks) {
                row.append(number(c.at(k)));
            }
            lines.add(row.toString());
            for (var measure : new java.util.TreeMap<>(c.beside()).entrySet()) { // a token task's cross-entropy, perplexity
                StringBuilder beside = new StringBuilder(pad("  " + measure.getKey(), nameWidth));
                for (int k : ks) {
                    beside.append(number(measure.getValue()[k]));
                }
                lines.add(beside.toString());
            }
        }
        long others = result.curves().stream().map(ErrorCurve::strategy).distinct().count() - 1;
        if (others > 0) {
            lines.add("(" + curves.get(0).strategy() + " prompts; " + others + " more strategies in eval.csv and plots/)");
        }
        return lines;
    }

    /** Ten characters, right-aligned, always separated from the previous column (least squares near k = d is huge). */
    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e4 ? "%10.4f" : "%10.2e", v);
    }

    /** What the numbers are: the error as the task normalises it. */
    static String title(Task task) {
        return task.objective().tableTitle();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
