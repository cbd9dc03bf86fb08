package org.iclab.dsl;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.iclab.spec.SpecException;

/**
 * A word's named arguments ({@code adam(lr: 1e-3)}): checks every name against the known ones and converts Groovy's
 * numbers (1e-3 is a BigDecimal) to what the Java API takes.
 */
final class NamedArguments {
    private final String word;
    private final Map<String, ?> values;

    NamedArguments(String word, Map<String, ?> values, List<String> known) {
        this.word = word;
        this.values = values;
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new DslError(Suggestions.unknown("setting", name, word, known));
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value as the script gave it. */
    Object value(String name) {
        return values.get(name);
    }

    int integer(String name, int defaultValue) {
        return has(name) ? (int) convert(name, int.class) : defaultValue;
    }

    Object convert(String name, Class<?> type) {
        Object v = values.get(name);
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            BigDecimal d = decimal(name, v);
            try {
                return type == int.class || type == Integer.class ? (Object) d.intValueExact() : (Object) d.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw new SpecException(word, name, "must be a whole number", v);
            }
        }
        if (type == double.class || type == Double.class) {
            return decimal(name, v).doubleValue();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (v instanceof Boolean b) {
                return b;
            }
            throw new SpecException(word, name, "must be true or false", v instanceof CharSequence ? "'" + v + "'" : v);
        }
        if (type == String.class) {
            if (v instanceof CharSequence s) {
                return s.toString();
            }
            throw new SpecException(word, name, "must be text", v);
        }
        if (type == org.iclab.spec.Span.class) {
            return span(name, v);
        }
        if (type == org.iclab.spec.Interval.class) {
            return interval(name, v);
        }
        if (type.isInstance(v)) {
            return v;
        }
        throw new SpecException(word, name, "must be a " + type.getSimpleName(), v);
    }

    /** A range of whole numbers: {@code 4..12} (ascending), or one whole number for a range of one value. */
    private org.iclab.spec.Span span(String name, Object v) {
        if (v instanceof groovy.lang.IntRange r) {
            if (r.isReverse()) {
                throw new SpecException(word, name, "must be an ascending range of whole numbers, as 4..12", r.getFrom() + ".." + r.getTo());
            }
            return new org.iclab.spec.Span(r.getFrom(), r.getTo());
        }
        if (v instanceof org.iclab.spec.Span s) {
            return s;
        }
        if (v instanceof Integer n) {
            return org.iclab.spec.Span.of(n);
        }
        throw new SpecException(word, name, "must be a range of whole numbers, as 4..12", v instanceof CharSequence ? "'" + v + "'" : v);
    }

    /** An interval of numbers: {@code 0.5..2}, {@code [0.5, 2]}, or one number for an interval of one value. */
    private org.iclab.spec.Interval interval(String name, Object v) {
        if (v instanceof org.iclab.spec.Interval i) {
            return i;
        }
        Object from = null;
        Object to = null;
        if (v instanceof groovy.lang.Range<?> r) {
            from = r.getFrom();
            to = r.getTo();
            if (r.isReverse()) {
                Object t = from;
                from = to;
                to = t;
            }
        } else if (v instanceof List<?> l && l.size() == 2) {
            from = l.get(0);
            to = l.get(1);
        } else if (v instanceof Number) {
            from = v;
            to = v;
        }
        if (!(from instanceof Number) || !(to instanceof Number)) {
            throw new SpecException(word, name, "must be an interval of numbers, as 0.5..2 or [0.5, 2]", v instanceof CharSequence ? "'" + v + "'" : v);
        }
        return new org.iclab.spec.Interval(decimal(name, from).doubleValue(), decimal(name, to).doubleValue());
    }

    private BigDecimal decimal(String name, Object v) {
        if (v instanceof Number n && !(v instanceof Double d && !Double.isFinite(d)) && !(v instanceof Float f && !Float.isFinite(f))) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Double || v instanceof Float) {
            throw new SpecException(word, name, "must be a finite number", v);
        }
        throw new SpecException(word, name, "must be a number", v instanceof CharSequence ? "'" + v + "'" : v);
    }

    /**
     * Makes the spec record {@code type} that the word {@code word} makes, from named arguments: the word's shortest
     * form ({@link Factories}) gives the required settings and the defaults of the rest, the record's canonical
     * constructor (and so its validation) takes the result.
     */
    static <R extends Record> R record(String word, Class<R> type, Map<String, ?> named) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        if (!Presets.of(word).isEmpty()) {
            List<String> known = new ArrayList<>(List.of(Presets.SETTING));
            known.addAll(names);
            return fromPreset(word, type, new NamedArguments(word, named, known), components);
        }
        NamedArguments args = new NamedArguments(word, named, names);
        List<java.lang.reflect.Executable> forms = Factories.of(word, type);
        if (forms.isEmpty()) {
            return withoutFactory(word, type, args, components); // no short form: every setting is required
        }
        java.lang.reflect.Executable shortest = forms.get(0);
        Object[] required = new Object[shortest.getParameterCount()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required.length; i++) {
            if (!args.has(names.get(i))) {
                missing.add(names.get(i));
            } else {
                required[i] = args.convert(names.get(i), components[i].getType());
            }
        }
        if (!missing.isEmpty()) {
            throw new SpecException(missing.stream().map(m -> new org.iclab.spec.Problem(word, m, "is required", "missing")).toList());
        }
        Object defaults = invoke(() -> Factories.make(shortest, required));
        Object[] all = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            RecordComponent c = components[i];
            all[i] = args.has(names.get(i)) ? args.convert(names.get(i), types[i]) : invoke(() -> c.getAccessor().invoke(defaults));
        }
        return type.cast(invoke(() -> {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(all);
        }));
    }

    /** A word with presets: the named preset (else the first), with the settings given replacing its own. */
    private static <R extends Record> R fromPreset(String word, Class<R> type, NamedArguments args, RecordComponent[] components) {
        String name = args.has(Presets.SETTING) ? (String) args.convert(Presets.SETTING, String.class) : Presets.first(word);
        Object base = Presets.named(word, name);
        Object[] all = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            all[i] = args.has(c.getName()) ? args.convert(c.getName(), types[i]) : invoke(() -> c.getAccessor().invoke(base));
        }
        return type.cast(invoke(() -> type.getDeclaredConstructor(types).newInstance(all)));
    }

    /** A record with no short form to take defaults from: every setting is required. */
    private static <R extends Record> R withoutFactory(String word, Class<R> type, NamedArguments args, RecordComponent[] components) {
        Object[] all = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (args.has(components[i].getName())) {
                all[i] = args.convert(components[i].getName(), types[i]);
            } else {
                missing.add(components[i].getName());
            }
        }
        if (!missing.isEmpty()) {
            throw new SpecException(missing.stream().map(m -> new org.iclab.spec.Problem(word, m, "is required", "missing")).toList());
        }
        return type.cast(invoke(() -> type.getDeclaredConstructor(types).newInstance(all)));
    }

    /** The forms of {@code word} that make {@code type}, shortest first ({@link Factories}). */
    static List<java.lang.reflect.Executable> factories(String word, Class<?> type) {
        List<java.lang.reflect.Executable> found = Factories.of(word, type);
        if (found.isEmpty()) {
            throw new IllegalStateException("the word " + word + " has no form that makes " + type.getName());
        }
        return found;
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    private static Object invoke(Reflective call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
