package org.iclab.dsl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.Layers;
import org.iclab.spec.Positions;
import org.iclab.spec.SpecException;

/**
 * The probe words' named arguments that are not plain numbers: layers ({@code all()}, a number, a list or a range),
 * positions ({@code 'last'}, a number or a list), iteration counts ({@code 1..20}, a list, or n for 1..n) and step
 * sizes (a number or {@code 'best'}).
 */
final class ProbeArguments {
    private ProbeArguments() {
    }

    /** {@code layers: all()}, {@code layers: 'all'}, {@code layers: 3}, {@code layers: [0, 3, 6]}, {@code layers: 1..3}. */
    static Layers layers(Object value, String word) {
        if (value instanceof Every || "all".equals(value == null ? null : value.toString())) {
            return Layers.all();
        }
        if (value instanceof Number) {
            return new Layers(List.of(whole(value, word, "layers")));
        }
        if (value instanceof List<?> list) {
            return new Layers(wholes(list, word, "layers"));
        }
        throw new SpecException(word, "layers", "must be all(), a layer number, or a list or range of them", describe(value));
    }

    /** {@code position: 'last'}, {@code position: 'context'}, {@code position: 5}, {@code position: [2, 5]}. */
    static Positions position(Object value, String word) {
        if ("last".equals(value == null ? null : value.toString())) {
            return Positions.last();
        }
        if ("context".equals(value == null ? null : value.toString())) {
            return Positions.contextToken();
        }
        if (value instanceof Number) {
            return new Positions(List.of(whole(value, word, "position")));
        }
        if (value instanceof List<?> list) {
            return new Positions(wholes(list, word, "position"));
        }
        throw new SpecException(word, "position", "must be 'last', 'context', a k, or a list or range of them", describe(value));
    }

    /** {@code iterations: 1..20}, {@code iterations: [1, 2, 4]}, or {@code iterations: 10} for 1..10. */
    static List<Integer> counts(NamedArguments args, String word, String name) {
        Object value = args.value(name);
        if (value instanceof Number) {
            int last = whole(value, word, name);
            List<Integer> range = new ArrayList<>();
            for (int i = 1; i <= last; i++) {
                range.add(i);
            }
            if (range.isEmpty()) {
                throw new SpecException(word, name, "must be >= 1 (n means 1..n), or a list or range", value);
            }
            return range;
        }
        if (value instanceof List<?> list) {
            return wholes(list, word, name);
        }
        throw new SpecException(word, name, "must be a range (1..20), a list of whole numbers, or n for 1..n", describe(value));
    }

    /** {@code lr: 0.1} or {@code lr: 'best'} (null: chosen on the fit prompts); absent means 'best'. */
    static Double stepSize(NamedArguments args, String word) {
        if (!args.has("lr")) {
            return null;
        }
        Object value = args.value("lr");
        if (value instanceof CharSequence s) {
            if (s.toString().equals("best")) {
                return null;
            }
            throw new SpecException(word, "lr", "must be a number or 'best'", "'" + s + "'");
        }
        return (Double) args.convert("lr", double.class);
    }

    private static List<Integer> wholes(List<?> list, String word, String name) {
        List<Integer> out = new ArrayList<>();
        for (Object o : list) {
            out.add(whole(o, word, name));
        }
        return out;
    }

    private static int whole(Object value, String word, String name) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                throw new SpecException(word, name, "must be whole numbers", value);
            }
        }
        throw new SpecException(word, name, "must be whole numbers", describe(value));
    }

    private static Object describe(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : value;
    }
}
