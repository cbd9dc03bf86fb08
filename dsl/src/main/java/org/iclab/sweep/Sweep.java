package org.iclab.sweep;

import org.iclab.dsl.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclab.dsl.SweepAxes;
import org.iclab.spec.Experiment;

/**
 * A sweep expanded over one experiment: the cross product of its axes (axes zipped together vary as one), each point
 * the experiment with the point's values set as {@code --set} sets them, validated. Every invalid point is reported,
 * with its axis values, before anything runs.
 */
public final class Sweep {
    /** Settings where 0 means no limit, so that {@code inf} can stand for it. */
    static final Set<String> ZERO_IS_UNLIMITED = Set.of("train.pool.tasks", "train.pool.prompts");
    static final String INF = "inf";

    private Sweep() {
    }

    /** One point: its axis values (path → value as declared, in axis order), its folder name and its experiment. */
    public record Point(Map<String, String> values, String name, Experiment experiment) {
    }

    /**
     * Every point of {@code axes} over {@code base}, the first axis varying slowest. Throws a UserError listing every
     * invalid point with its axis values, or a malformed declaration (an unknown or repeated path, a zip of axes of
     * different lengths).
     */
    public static List<Point> expand(Experiment base, SweepAxes axes) {
        if (axes.isEmpty()) {
            throw new UserError("sweep: declare at least one axis (--axis PATH=VALUES, or a sweep { axis ... } block in the script)");
        }
        Map<String, SweepAxes.Axis> byPath = new LinkedHashMap<>();
        for (SweepAxes.Axis a : axes.axes()) {
            if (byPath.put(a.path(), a) != null) {
                throw new UserError("sweep: axis " + a.path() + " is declared twice");
            }
        }
        // groups: each zip is one group, every other axis a group of its own, in the order of their first axis
        List<List<SweepAxes.Axis>> groups = new ArrayList<>();
        Set<String> zipped = new LinkedHashSet<>();
        Map<String, List<SweepAxes.Axis>> groupOf = new LinkedHashMap<>();
        for (List<String> zip : axes.zips()) {
            List<SweepAxes.Axis> group = new ArrayList<>();
            for (String path : zip) {
                SweepAxes.Axis a = byPath.get(path);
                if (a == null) {
                    throw new UserError("sweep: zip names " + path + ", which is no axis (axes: " + String.join(", ", byPath.keySet()) + ")");
                }
                if (!zipped.add(path)) {
                    throw new UserError("sweep: axis " + path + " is zipped twice");
                }
                group.add(a);
                groupOf.put(path, group);
            }
            int size = group.get(0).values().size();
            if (group.stream().anyMatch(a -> a.values().size() != size)) {
                throw new UserError("sweep: zipped axes must have as many values each; " + String.join(", ", group.stream()
                        .map(a -> a.path() + " has " + a.values().size()).toList()));
            }
        }
        for (SweepAxes.Axis a : axes.axes()) {
            List<SweepAxes.Axis> group = groupOf.computeIfAbsent(a.path(), p -> List.of(a));
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (List<SweepAxes.Axis> group : groups) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (int i = 0; i < group.get(0).values().size(); i++) {
                    Map<String, String> more = new LinkedHashMap<>(partial);
                    for (SweepAxes.Axis a : group) {
                        more.put(a.path(), a.values().get(i));
                    }
                    next.add(more);
                }
            }
            combinations = next;
        }
        List<Point> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            Map<String, String> ordered = new LinkedHashMap<>();
            byPath.keySet().forEach(path -> ordered.put(path, combination.get(path)));
            try {
                points.add(new Point(ordered, name(ordered), apply(base, ordered)));
            } catch (UserError e) {
                problems.add(label(ordered) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError("sweep: " + problems.size() + " of " + combinations.size() + " points are invalid:\n  "
                    + String.join("\n  ", problems));
        }
        return points;
    }

    /** {@code base} with each value set at its path; {@code inf} is 0 where 0 means no limit. */
    static Experiment apply(Experiment base, Map<String, String> values) {
        List<String> sets = new ArrayList<>();
        for (var e : values.entrySet()) {
            String value = e.getValue();
            if (INF.equals(value)) {
                if (!ZERO_IS_UNLIMITED.contains(e.getKey())) {
                    throw new UserError(e.getKey() + " takes no inf (inf stands for no limit only in " + String.join(", ",
                            ZERO_IS_UNLIMITED.stream().sorted().toList()) + ")");
                }
                value = "0";
            }
            sets.add(e.getKey() + "=" + value);
        }
        return new Overrides(sets).apply(base);
    }

    /** The point's values as a reader sees them: {@code train.pool.tasks=8, seed=0}. */
    public static String label(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((path, value) -> parts.add(path + "=" + value));
        return String.join(", ", parts);
    }

    /**
     * A folder name for the point: each axis as its last path segment (the whole path where two axes share one) and
     * value, joined by {@code _}; characters other than letters, digits, {@code . = + -} become {@code -}.
     */
    public static String name(Map<String, String> values) {
        Map<String, Integer> leaves = new LinkedHashMap<>();
        values.keySet().forEach(path -> leaves.merge(leaf(path), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        values.forEach((path, value) -> parts.add((leaves.get(leaf(path)) > 1 ? path : leaf(path)) + "=" + value));
        return fileSafe(String.join("_", parts));
    }

    /** {@code text} with every character but letters, digits and {@code . = + _ -} replaced by {@code -}: a file name. */
    static String fileSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9.=+_-]", "-");
    }

    /** The last segment of a spec.json path ({@code tasks} of {@code train.pool.tasks}). */
    static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
