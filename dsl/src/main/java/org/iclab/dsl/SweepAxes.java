package org.iclab.dsl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The axes of a sweep as declared, before they meet an experiment: each axis a spec.json path and its values as text
 * (as {@code --set} takes them), and the groups of axes that vary together ({@code zip}) instead of being crossed.
 * Declared in a script ({@code sweep { axis 'train.pool.tasks', [2, 8, 32]; axis 'seed', 0..4; zip 'a', 'b' }}) or on
 * the command line ({@code --axis train.pool.tasks=2^1..2^5,inf}).
 *
 * @param axes  the axes in declaration order (the first varies slowest)
 * @param zips  groups of axis paths whose i-th values go together
 */
public record SweepAxes(List<Axis> axes, List<List<String>> zips) {
    /** No axes. */
    public static final SweepAxes NONE = new SweepAxes(List.of(), List.of());

    public SweepAxes {
        axes = List.copyOf(axes);
        zips = zips.stream().map(List::copyOf).toList();
    }

    /** One axis: a spec.json path and its values, each as {@code --set} would take it ({@code inf}: no limit). */
    public record Axis(String path, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** These axes followed by {@code more}'s. */
    public SweepAxes and(SweepAxes more) {
        List<Axis> all = new ArrayList<>(axes);
        all.addAll(more.axes);
        List<List<String>> allZips = new ArrayList<>(zips);
        allZips.addAll(more.zips);
        return new SweepAxes(all, allZips);
    }

    public boolean isEmpty() {
        return axes.isEmpty();
    }

    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern POWERS = Pattern.compile("(\\d+)\\^(\\d+)\\.\\.(\\d+)\\^(\\d+)");

    /**
     * The values of a command line's {@code --axis PATH=VALUES}: comma-separated items, each a value, a range of whole
     * numbers {@code 0..4} (both ends included), powers {@code 2^1..2^10}, or {@code inf}. Throws
     * IllegalArgumentException with the rule where the text is none of these.
     */
    public static List<String> values(String text) {
        List<String> values = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("values must be comma-separated, none empty; was '" + text + "'");
            }
            Matcher powers = POWERS.matcher(item);
            Matcher range = RANGE.matcher(item);
            if (powers.matches()) {
                if (!powers.group(1).equals(powers.group(3))) {
                    throw new IllegalArgumentException("powers must share their base, as 2^1..2^10; was '" + item + "'");
                }
                BigInteger base = new BigInteger(powers.group(1));
                int from = Integer.parseInt(powers.group(2));
                int to = Integer.parseInt(powers.group(4));
                if (from > to || to - from > 1000) {
                    throw new IllegalArgumentException("powers must rise, at most 1000 of them, as 2^1..2^10; was '" + item + "'");
                }
                for (int e = from; e <= to; e++) {
                    values.add(base.pow(e).toString());
                }
            } else if (range.matches()) {
                long from = Long.parseLong(range.group(1));
                long to = Long.parseLong(range.group(2));
                if (from > to || to - from > 100_000) {
                    throw new IllegalArgumentException("a range must rise, at most 100000 values, as 0..4; was '" + item + "'");
                }
                for (long v = from; v <= to; v++) {
                    values.add(Long.toString(v));
                }
            } else {
                values.add(item);
            }
        }
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() != values.size()) {
            throw new IllegalArgumentException("values must be distinct; was '" + text + "'");
        }
        return values;
    }
}
