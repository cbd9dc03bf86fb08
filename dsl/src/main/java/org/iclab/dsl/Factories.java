package org.iclab.dsl;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.Registry;

/**
 * The positional forms of a word, shortest first: {@link Iclab}'s public static factories of that name where the
 * facade has any, else the public constructors of the word's record that take its leading components (a record's
 * short constructor gives the defaults of the settings it leaves out). So a new word needs no factory in the facade:
 * its record alone makes it a word with defaults.
 */
final class Factories {
    private Factories() {
    }

    /** Every form of {@code name}, shortest first (empty where it is no registered word). */
    static List<Executable> of(String name) {
        List<Executable> facade = Arrays.stream(Iclab.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getName().equals(name))
                .sorted(Comparator.comparingInt(Method::getParameterCount)).map(m -> (Executable) m).toList();
        if (!facade.isEmpty()) {
            return facade;
        }
        return Registry.get().word(name).filter(w -> w.spec().isRecord()).map(w -> constructors(w.spec())).orElse(List.of());
    }

    /** The forms of {@code name} that make {@code type}, shortest first. */
    static List<Executable> of(String name, Class<?> type) {
        return of(name).stream().filter(e -> makes(e) == type).toList();
    }

    /** What {@code form} makes. */
    static Class<?> makes(Executable form) {
        return form instanceof Method m ? m.getReturnType() : form.getDeclaringClass();
    }

    /** Calls {@code form} with {@code args}. */
    static Object make(Executable form, Object... args) throws ReflectiveOperationException {
        return form instanceof Method m ? m.invoke(null, args) : ((Constructor<?>) form).newInstance(args);
    }

    /** The public constructors of record {@code type} whose parameters are its leading components, shortest first. */
    private static List<Executable> constructors(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return Arrays.stream(type.getConstructors()).filter(c -> {
            Class<?>[] p = c.getParameterTypes();
            if (p.length > components.length) {
                return false;
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i] != components[i].getType()) {
                    return false;
                }
            }
            return true;
        }).sorted(Comparator.comparingInt(Constructor::getParameterCount)).map(c -> (Executable) c).toList();
    }
}
