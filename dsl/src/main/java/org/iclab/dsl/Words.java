package org.iclab.dsl;

import groovy.lang.Closure;
import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.iclab.Iclab;
import org.iclab.spec.Registry;

/**
 * The words of a script, straight from the {@link Registry}: every registered word can be written
 * <ul>
 * <li>positionally, as {@link Iclab}'s factory of that name takes it: {@code linearRegression(5)};</li>
 * <li>with named arguments, one per record component: {@code linearRegression(dims: 5, scale: 2)};</li>
 * <li>as a block of the same settings: {@code linearRegression { dims 5; scale 2 }};</li>
 * <li>or both: {@code lstm(layers: 2) { hidden 64 }}.</li>
 * </ul>
 * Settings left out keep the defaults of the word's shortest factory, and the record's own validation checks the
 * result. A word with registered presets ({@link org.iclab.spec.Extension#presets}) is also written by a preset's
 * name, {@code gpt2('small')}, and its named and block forms start from a preset ({@code preset: 'small'}, else the
 * first). The few words with forms of their own (ranges of counts, words before named settings) are in
 * {@link SpecialForms}, which is tried first. A script calls words through {@link ExperimentScript#methodMissing}
 * and, inside blocks, through {@link Blocks}; nothing is imported, so a new registered word is a DSL word at once.
 */
public final class Words {
    /** The public static methods of {@link SpecialForms}, read once. */
    private static final List<Method> SPECIAL = Arrays.stream(SpecialForms.class.getMethods())
            .filter(m -> m.getDeclaringClass() == SpecialForms.class && Modifier.isStatic(m.getModifiers())).toList();

    /** What {@link #call} returns for a name that is no word. */
    static final Object NOT_A_WORD = new Object();

    private Words() {
    }

    /** Every name a script can call as a word: the registered words, then the special forms' own names ({@code all}). */
    public static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Registry.get().words().forEach(w -> names.add(w.name()));
        SPECIAL.stream().map(Method::getName).sorted().forEach(names::add);
        return List.copyOf(names);
    }

    /** Whether {@code name} is a word. */
    public static boolean isWord(String name) {
        return Registry.get().word(name).isPresent() || !specialForms(name).isEmpty();
    }

    /** Calls the word {@code name} with a script's arguments; {@link #NOT_A_WORD} where {@code name} is none. */
    static Object call(String name, Object[] args) {
        if (!isWord(name)) {
            return NOT_A_WORD;
        }
        if (args.length == 1 && args[0] instanceof CharSequence preset && !Presets.of(name).isEmpty()) {
            return Presets.named(name, preset.toString());
        }
        if (specialForms(name).stream().anyMatch(m -> accepts(m, args))) {
            return InvokerHelper.invokeStaticMethod(SpecialForms.class, name, args);
        }
        if (args.length >= 1 && args[args.length - 1] instanceof Closure<?> body && args.length <= 2
                && (args.length == 1 || args[0] instanceof Map)) {
            Map<String, Object> settings = new LinkedHashMap<>();
            if (args.length == 2) {
                ((Map<?, ?>) args[0]).forEach((k, v) -> settings.put(String.valueOf(k), v));
            }
            settings.putAll(collect(name, body));
            return call(name, new Object[] {settings});
        }
        var word = Registry.get().word(name);
        if (args.length == 1 && args[0] instanceof Map<?, ?> named && word.isPresent() && word.get().spec().isRecord()) {
            @SuppressWarnings("unchecked")
            Map<String, ?> settings = (Map<String, ?>) named;
            return NamedArguments.record(name, word.get().spec().asSubclass(Record.class), settings);
        }
        try {
            if (word.isPresent() && factories(name).stream().noneMatch(f -> f instanceof Method)) {
                return constructed(name, word.get().spec(), args); // a word without a facade factory: its record's constructors
            }
            return InvokerHelper.invokeStaticMethod(Iclab.class, name, args);
        } catch (MissingMethodException e) {
            if (e.getType() == Iclab.class && e.getMethod().equals(name)) {
                throw noForm(name, args, e);
            }
            throw e;
        } catch (org.codehaus.groovy.runtime.metaclass.MethodSelectionException e) {
            throw noForm(name, args, e); // arguments that fit several factories equally badly
        }
    }

    /** The record of {@code name} made by the public constructor that takes {@code args}. */
    private static Object constructed(String name, Class<?> type, Object[] args) {
        try {
            return InvokerHelper.invokeConstructorOf(type, args);
        } catch (groovy.lang.GroovyRuntimeException e) {
            if (e.getCause() instanceof RuntimeException r && !(e.getCause() instanceof groovy.lang.GroovyRuntimeException)) {
                throw r; // the record's own validation
            }
            throw noForm(name, args, e);
        }
    }

    /** The word {@code name} has no form for {@code args}: reported as missing on the words, with the forms it has. */
    private static MissingMethodException noForm(String name, Object[] args, RuntimeException cause) {
        MissingMethodException onWord = new MissingMethodException(name, Words.class, args);
        onWord.setStackTrace(cause.getStackTrace());
        return onWord;
    }

    /**
     * The forms of {@code name}, as an error message lists them: {@code (int) or (int, double) or (name: value...)
     * or { block }}.
     */
    static String forms(String name) {
        Set<String> forms = new LinkedHashSet<>();
        List<java.lang.reflect.Executable> positional = new ArrayList<>(factories(name).stream()
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(java.util.function.Consumer.class::isAssignableFrom)).toList());
        positional.addAll(specialForms(name));
        positional.sort(Comparator.comparingInt(java.lang.reflect.Executable::getParameterCount));
        for (java.lang.reflect.Executable m : positional) {
            forms.add(Arrays.stream(m.getParameterTypes()).map(Words::typeName).collect(Collectors.joining(", ", "(", ")")));
        }
        if (hasSettings(name)) {
            forms.add("(name: value...)");
            forms.add("{ block }");
        }
        return String.join(" or ", forms);
    }

    /** The settings a word's named and block forms take: {@code preset} where it has presets, then its record's components. */
    static List<String> settings(String name) {
        var word = Registry.get().word(name);
        if (word.isEmpty()) {
            return List.of();
        }
        List<String> settings = new ArrayList<>();
        if (!Presets.of(name).isEmpty()) {
            settings.add(Presets.SETTING);
        }
        RecordComponent[] components = word.get().spec().getRecordComponents();
        if (components != null) {
            Arrays.stream(components).map(RecordComponent::getName).forEach(settings::add);
        }
        return List.copyOf(settings);
    }


    private static boolean hasSettings(String name) {
        return !settings(name).isEmpty();
    }

    /** The positional forms of {@code name}, shortest first ({@link Factories}). */
    static List<java.lang.reflect.Executable> factories(String name) {
        return Factories.of(name);
    }

    /** The special forms named {@code name} ({@link SpecialForms}). */
    static List<Method> specialForms(String name) {
        return SPECIAL.stream().filter(m -> m.getName().equals(name)).toList();
    }

    /** Whether {@code m} takes {@code args} as they are (Groovy's coercions aside: only a special form's own shapes count). */
    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] p = m.getParameterTypes();
        int fixed = m.isVarArgs() ? p.length - 1 : p.length;
        if (m.isVarArgs() ? args.length < fixed : p.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> type = i < fixed ? p[i] : p[fixed].getComponentType();
            if (args[i] != null && !box(type).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Number.class
                : c == boolean.class ? Boolean.class : Object.class;
    }

    private static String typeName(Class<?> c) {
        if (c == Map.class) {
            return "name: value...";
        }
        if (Closure.class.isAssignableFrom(c)) {
            return "{ block }";
        }
        return c.isArray() ? c.getComponentType().getSimpleName() + "..." : c.getSimpleName();
    }

    /** The settings a word's block sets, in order; a word called inside the block is made as usual. */
    private static Map<String, Object> collect(String word, Closure<?> body) {
        Collector collector = new Collector(word);
        Closure<?> c = body.rehydrate(collector, body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        c.call();
        return collector.settings;
    }

    /** A word's block: {@code name value} sets a setting; a word is made as everywhere else. */
    private static final class Collector extends GroovyObjectSupport implements GroovyInterceptable {
        private final String word;
        private final Map<String, Object> settings = new LinkedHashMap<>();

        Collector(String word) {
            this.word = word;
        }

        @Override
        public Object invokeMethod(String name, Object args) {
            Object[] values = InvokerHelper.asArray(args);
            if (!settings(word).contains(name)) {
                if (isWord(name)) {
                    return call(name, values);
                }
                throw unknown(name); // here, so that the error names this line
            }
            if (values.length == 0) {
                throw new DslError("setting '" + name + "' in " + word + " needs a value, e.g. " + name + " <value>");
            }
            settings.put(name, values.length == 1 ? values[0] : Arrays.asList(values));
            return this;
        }

        @Override
        public void setProperty(String name, Object value) {
            if (!settings(word).contains(name)) {
                throw unknown(name);
            }
            settings.put(name, value);
        }

        private DslError unknown(String name) {
            return new DslError(Suggestions.unknown("setting", name, word, settings(word)));
        }

        @Override
        public Object getProperty(String name) {
            Optional<?> w = Registry.get().word(name);
            throw new MissingPropertyException(name, w.isPresent() ? Words.class : Collector.class);
        }
    }
}
