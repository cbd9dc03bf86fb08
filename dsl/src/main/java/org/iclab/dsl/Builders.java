package org.iclab.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.iclab.spec.Curriculum;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.TrainPlan;

/**
 * The Java builders a script's blocks delegate to, the block each one stands for (the same path the builders'
 * validation messages use), and the settings each one takes, read from the builder's public methods.
 */
public final class Builders {
    /** Every block of the DSL: builder class to block path, in the order a script usually writes them. */
    public static final Map<Class<?>, String> BLOCKS = blocks();

    private Builders() {
    }

    private static Map<Class<?>, String> blocks() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        m.put(Experiment.Builder.class, "experiment");
        m.put(TrainPlan.Builder.class, "train");
        m.put(Curriculum.Builder.class, "train.curriculum");
        m.put(EvalPlan.Builder.class, "evaluate");
        m.put(ProbePlan.Builder.class, "probes");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The block {@code builder} stands for, if it is one of the DSL's builders. */
    public static Optional<String> block(Class<?> builder) {
        return Optional.ofNullable(BLOCKS.get(builder));
    }

    /**
     * The settings a builder takes: its public methods except {@code build}, in the order of the record it builds
     * (and of the records nested in it), then the rest alphabetically.
     */
    public static List<String> settings(Class<?> builder) {
        Set<String> names = new TreeSet<>();
        for (Method m : settingMethods(builder)) {
            names.add(m.getName());
        }
        Set<String> ordered = new LinkedHashSet<>();
        Class<?> built = builder.getEnclosingClass();
        if (built != null && built.isRecord()) {
            addComponents(built, names, ordered);
        }
        ordered.addAll(names);
        return List.copyOf(ordered);
    }

    private static void addComponents(Class<?> record, Set<String> names, Set<String> ordered) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (names.contains(c.getName())) {
                ordered.add(c.getName());
            } else if (c.getType().isRecord()) {
                addComponents(c.getType(), names, ordered);
            }
        }
    }

    /** The public methods of {@code builder} that set something (all but {@code build}), in name order. */
    public static List<Method> settingMethods(Class<?> builder) {
        List<Method> methods = new ArrayList<>();
        for (Method m : builder.getMethods()) {
            if (m.getDeclaringClass() == builder && !Modifier.isStatic(m.getModifiers()) && !m.getName().equals("build")) {
                methods.add(m);
            }
        }
        methods.sort(java.util.Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        return methods;
    }
}
