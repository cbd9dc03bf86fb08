package org.iclab.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.iclab.Iclab;
import org.iclab.spec.Curriculum;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Kind;
import org.iclab.spec.Registry;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.Problem;
import org.iclab.spec.Setting;
import org.iclab.spec.SpecException;
import org.iclab.spec.TrainPlan;

/**
 * The reference of the DSL, generated from the code: the blocks and their settings (the builders' public methods
 * and their {@link Setting} annotations), the words of each kind (the {@link Registry}'s words, e.g. {@code task}
 * takes a {@code Task}: {@code linearRegression}), and defaults read
 * from records built with the builders' defaults. {@code iclab describe} prints it.
 */
public final class Reference {
    /** Records built with each builder's defaults, to read defaults from (required parts filled by placeholders). */
    private static final Map<Class<?>, Supplier<Object>> DEFAULTS = Map.of(
            Experiment.Builder.class, () -> Experiment.builder("x").task(Iclab.linearRegression(1)).prompt(Iclab.interleaved(1))
                    .model(Iclab.gpt2("tiny")).build(),
            TrainPlan.Builder.class, () -> TrainPlan.builder().build(1, 1),
            Curriculum.Builder.class, () -> Curriculum.builder().dims(1, 1).points(1, 1).build(),
            EvalPlan.Builder.class, () -> EvalPlan.builder().build(1),
            ProbePlan.Builder.class, () -> ProbePlan.builder().readout().build());

    private Reference() {
    }

    /**
     * One setting.
     *
     * @param form     how it is written in a script, e.g. {@code steps <int>} or {@code dims 5, 20, by: 1, every: 2000}
     * @param defaults the default, {@code required}, or empty when there is none
     * @param range    the allowed values, or empty
     */
    public record Entry(String name, String form, String meaning, String defaults, String range) {
    }

    /** A block of the DSL ({@code train}, ...) with its settings. */
    public record Block(String path, String word, Class<?> builder, List<Entry> settings) {
    }

    /**
     * A vocabulary word ({@code linearRegression}, {@code adam}, ...) of a kind (the setting that takes it).
     *
     * @param forms the ways to write it, e.g. {@code linearRegression(dims)}, {@code linearRegression(dims: 5, scale: 1.0)}
     */
    public record Word(String name, String kind, Class<?> type, String meaning, List<String> forms, List<Entry> settings) {
    }

    /** The blocks, outermost first. */
    public static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<Class<?>, String> b : Builders.BLOCKS.entrySet()) {
            String path = b.getValue();
            String word = path.substring(path.lastIndexOf('.') + 1);
            blocks.add(new Block(path, word, b.getKey(), entries(b.getKey())));
        }
        return blocks;
    }

    /**
     * The claims block ({@code claim}, {@code scale}) and what a claim's block reads ({@link ClaimReader}), from their
     * {@link Setting}s.
     */
    public static List<Entry> claims() {
        return annotated(ExperimentScript.ClaimsBlock.class, ClaimReader.class);
    }

    /** The figures block's figures ({@code curve}, {@code metric}, {@code along}), from their {@link Setting}s. */
    public static List<Entry> figures() {
        return annotated(ExperimentScript.FiguresBlock.class);
    }

    private static List<Entry> annotated(Class<?>... types) {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> type : types) {
            Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(Setting.class))
                    .sorted(Comparator.comparing(Method::getName)).forEach(m -> {
                        Setting s = m.getAnnotation(Setting.class);
                        entries.add(new Entry(m.getName(), s.example(), s.value(), "", ""));
                    });
        }
        entries.sort(Comparator.comparing((Entry e) -> !List.of("claim", "scale").contains(e.name())));
        return entries;
    }

    /** Every word, kind by kind, in the registry's order. */
    public static List<Word> vocabulary() {
        List<Word> words = new ArrayList<>();
        for (Registry.Word w : Registry.get().words()) {
            words.add(word(w.name(), w.kind().setting(), w.spec()));
        }
        return words;
    }

    /** The names of every registered word, in {@link #vocabulary()} order. */
    public static List<String> words() {
        return Registry.get().words().stream().map(Registry.Word::name).toList();
    }

    /** The settings that take a word (task, inputs, prompt, model, optimizer, baselines, ...) and the spec type they take. */
    public static Map<String, Class<?>> kinds() {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            if (k.word()) {
                kinds.put(k.setting(), k.type());
            }
        }
        return kinds;
    }

    /**
     * The word that makes {@code value}'s type, written as a script would, leaving out the settings at their defaults
     * ({@code adam(lr: 1.0E-4)}, {@code gaussian(covariance: 'skewed')}).
     */
    public static String render(Object value) {
        if (value instanceof org.iclab.spec.Span span) {
            return span.min() + ".." + span.max();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Reference::render).collect(Collectors.joining(", "));
        }
        if (value instanceof Record r) {
            Optional<String> word = wordOf(r.getClass());
            Object defaults = word.map(w -> defaultsLike(w, r)).orElse(null);
            int required = word.isEmpty() || defaults == null ? 0 : NamedArguments.factories(word.get(), r.getClass()).get(0).getParameterCount();
            RecordComponent[] components = r.getClass().getRecordComponents();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                Object v = read(components[i], r);
                // required settings always; the others only where they differ from the word's defaults
                if (defaults == null || i < required || !java.util.Objects.equals(v, read(components[i], defaults))) {
                    args.add(components[i].getName() + ": " + render(v));
                }
            }
            String joined = String.join(", ", args);
            return word.map(w -> w + "(" + joined + ")").orElse("(" + joined + ")");
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d);
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(value);
    }

    /**
     * The record {@code word}'s shortest factory makes from {@code r}'s required settings (its leading components),
     * so that a rendering can leave out the settings at their defaults; null where the factory's parameters are not
     * the record's leading components (gpt2's preset).
     */
    private static Object defaultsLike(String word, Record r) {
        List<java.lang.reflect.Executable> factories;
        try {
            factories = NamedArguments.factories(word, r.getClass());
        } catch (IllegalStateException none) {
            return null;
        }
        java.lang.reflect.Executable shortest = factories.get(0);
        RecordComponent[] components = r.getClass().getRecordComponents();
        Class<?>[] params = shortest.getParameterTypes();
        if (params.length > components.length) {
            return null;
        }
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (!params[i].equals(components[i].getType())) {
                return null;
            }
            args[i] = read(components[i], r);
        }
        try {
            return Factories.make(shortest, args);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Optional<String> wordOf(Class<?> type) {
        return Registry.get().wordOf(type).map(Registry.Word::name);
    }

    private static Word word(String name, String kind, Class<?> type) {
        Setting about = type.getAnnotation(Setting.class);
        String meaning = about == null ? "" : about.value();
        List<String> forms = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        List<java.lang.reflect.Executable> methods = new ArrayList<>(Words.factories(name).stream()
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(java.util.function.Consumer.class::isAssignableFrom)).toList());
        methods.addAll(Words.specialForms(name));
        methods.sort(Comparator.comparingInt(java.lang.reflect.Executable::getParameterCount));
        Map<String, ?> presets = Presets.of(name);
        if (!presets.isEmpty()) {
            forms.add(name + "(" + presets.keySet().stream().map(k -> "'" + k + "'").collect(Collectors.joining(" | ")) + ")");
        }
        for (java.lang.reflect.Executable m : methods) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 1 && (p[0] == Map.class || groovy.lang.Closure.class.isAssignableFrom(p[0]))) {
                continue; // the named and block forms below
            } else if (p.length == 1 && p[0] == String.class && !presets.isEmpty()) {
                continue; // the facade's preset factory: the preset form above
            } else if (p.length > 1 && p[0] == Map.class && components != null) {
                // a special form with words first and named settings after: mixture(components..., weights: ...)
                List<String> params = new ArrayList<>();
                for (int i = 1; i < p.length; i++) {
                    params.add(components[i - 1].getName() + (p[i].isArray() ? "..." : ""));
                }
                for (int i = p.length - 1; i < components.length; i++) {
                    params.add(components[i].getName() + ": ...");
                }
                forms.add(name + "(" + String.join(", ", params) + ")");
            } else {
                List<String> params = new ArrayList<>();
                for (int i = 0; i < p.length; i++) {
                    params.add((components != null && i < components.length ? components[i].getName() : p[i].getSimpleName())
                            + (m.isVarArgs() && i == p.length - 1 ? "..." : ""));
                }
                forms.add(name + "(" + String.join(", ", params) + ")");
            }
        }
        List<String> names = Words.settings(name);
        if (!names.isEmpty()) {
            forms.add(name + "(" + names.stream().map(n -> n + ": ...").collect(Collectors.joining(", ")) + ")");
            forms.add(name + " { " + String.join("; ", names) + " }");
        }
        List<Entry> settings = new ArrayList<>();
        if (!presets.isEmpty()) {
            String first = presets.keySet().iterator().next();
            settings.add(new Entry(Presets.SETTING, Presets.SETTING + ": '" + first + "'",
                    "The named settings it starts from; the settings given replace the preset's own.", "'" + first + "'",
                    String.join(", ", presets.keySet())));
        }
        // a word without a short form (no facade factory, no short constructor) has no defaults: every setting is required
        java.lang.reflect.Executable shortest = presets.isEmpty() ? Factories.of(name, type).stream().findFirst().orElse(null) : null;
        int required = !presets.isEmpty() ? 0 : shortest == null ? components.length : shortest.getParameterCount();
        Object defaults = !presets.isEmpty() ? presets.values().iterator().next()
                : shortest == null ? null : required == 0 ? invoke(shortest) : placeheldDefaults(shortest);
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Setting s = c.getAnnotation(Setting.class);
            String d = i < required ? "required"
                    : s != null && !s.defaults().isEmpty() ? s.defaults() : render(read(c, defaults));
            settings.add(new Entry(c.getName(), c.getName() + ": <" + typeName(c.getType()) + ">",
                    s == null ? "" : s.value(), d, s == null ? "" : s.range()));
        }
        return new Word(name, kind, type, meaning, forms, settings);
    }

    /**
     * The record {@code shortest} makes from placeholders for its required settings, to read the other settings'
     * defaults from: placeholders 1, or 100 where a default does not fit a value that small
     * ({@code sparseLinearRegression}'s default sparsity 3 needs dims >= 3).
     */
    private static Object placeheldDefaults(java.lang.reflect.Executable shortest) {
        for (int value : new int[] {1, 100}) {
            try {
                return Factories.make(shortest, placeholders(shortest, value));
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!(e.getCause() instanceof SpecException)) {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return null; // no placeholder makes one (a word of other words: mixture, outside): its defaults are declared
    }

    /** A setting's type as a script writes it: a boxed Boolean or Integer (null meaning "the default") is still a boolean or an int. */
    private static String typeName(Class<?> type) {
        return type == Boolean.class ? "boolean" : type == Integer.class ? "int" : type.getSimpleName();
    }

    /**
     * Stand-in arguments: {@code value} for whole numbers, value + i for the i-th number (uniform's low < high), a
     * word's first preset for a record of a word that has presets (looped's block: a tiny gpt2).
     */
    private static Object[] placeholders(java.lang.reflect.Executable m, int value) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = t == int.class ? (Object) value : t == long.class ? (Object) (long) value
                    : t == double.class ? (Object) (double) (value + i) : firstPreset(t) != null ? firstPreset(t)
                    : t.isArray() ? java.lang.reflect.Array.newInstance(t.getComponentType(), 0) : null;
        }
        return args;
    }

    /** The first preset of the word that makes {@code type}, or null where it has none. */
    private static Object firstPreset(Class<?> type) {
        return Registry.get().wordOf(type).flatMap(w -> w.extension().presets().values().stream().findFirst()).orElse(null);
    }

    private static List<Entry> entries(Class<?> builder) {
        Object defaults = DEFAULTS.get(builder).get();
        List<String> required = required(builder);
        List<Entry> entries = new ArrayList<>();
        for (String name : Builders.settings(builder)) {
            List<Method> overloads = Builders.settingMethods(builder).stream().filter(m -> m.getName().equals(name)).toList();
            Method documented = overloads.stream().filter(m -> m.isAnnotationPresent(Setting.class))
                    .min(Comparator.comparing((Method m) -> !isBlock(m))
                            .thenComparing(m -> m.getAnnotation(Setting.class).example().isEmpty())
                            .thenComparing(Method::getParameterCount)
                            // reflection's method order is not stable: the varargs form before the List form
                            .thenComparing(m -> Arrays.stream(m.getParameterTypes()).anyMatch(List.class::isAssignableFrom)))
                    .orElse(overloads.get(0));
            Setting s = documented.getAnnotation(Setting.class);
            String form = s != null && !s.example().isEmpty() ? s.example()
                    : name + " " + Arrays.stream(documented.getParameterTypes()).map(t -> "<" + typeName(t) + ">").collect(Collectors.joining(", "));
            String d;
            if (s != null && !s.defaults().isEmpty()) {
                d = s.defaults();
            } else if (required.contains(name)) {
                d = "required";
            } else if (overloads.stream().anyMatch(Reference::isBlock)) {
                d = "see " + (builder == TrainPlan.Builder.class ? "curriculum" : name);
            } else {
                d = find(defaults, name).map(Reference::render).orElse("");
            }
            entries.add(new Entry(name, form, s == null ? "" : s.value(), d, s == null ? "" : withWords(s.range(), documented)));
        }
        return entries;
    }

    /** A range with {@code {words}} replaced by the registered words of the kind {@code setting} takes. */
    private static String withWords(String range, Method setting) {
        if (!range.contains("{words}")) {
            return range;
        }
        for (Class<?> p : setting.getParameterTypes()) {
            Class<?> t = p.isArray() ? p.getComponentType() : p;
            for (Kind k : Kind.values()) {
                if (k.type() == t) {
                    return range.replace("{words}", String.join(", ", Registry.get().words(k).stream().map(Registry.Word::name).toList()));
                }
            }
        }
        throw new IllegalStateException(setting + " documents {words} but takes no kind of word");
    }

    private static boolean isBlock(Method m) {
        return Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == java.util.function.Consumer.class);
    }

    /** The settings an empty builder reports as required when built (and an experiment's name, its block's argument). */
    private static List<String> required(Class<?> builder) {
        if (builder != Experiment.Builder.class) {
            return List.of();
        }
        List<String> required = new ArrayList<>(List.of("name"));
        try {
            Experiment.builder("x").build();
        } catch (SpecException e) {
            e.problems().stream().filter(p -> p.rule().equals("is required")).map(Problem::setting).forEach(required::add);
        }
        return required;
    }

    /** The component {@code name} of {@code record} or of a record nested in it. */
    private static Optional<Object> find(Object record, String name) {
        if (!(record instanceof Record)) {
            return Optional.empty();
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return Optional.ofNullable(read(c, record));
            }
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getType().isRecord()) {
                Optional<Object> nested = find(read(c, record), name);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent c, Object record) {
        if (record == null) {
            return null;
        }
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(java.lang.reflect.Executable m, Object... args) {
        try {
            return Factories.make(m, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
