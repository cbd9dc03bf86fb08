package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.Setting;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Groovy layer from drifting away from the Java API: every {@code Consumer<X.Builder>} method of a spec
 * builder (and of the facade) has a closure form delegating only to {@code X.Builder}, every builder the spec uses
 * is a block of the DSL, every factory of the facade is a word, and every setting is documented for describe.
 */
class ClosureFormsTest {
    /** Every class of the spec reachable from Experiment: record component types, permitted subtypes, nested builders. */
    static Set<Class<?>> specTypes() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Experiment.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!c.getPackageName().startsWith("org.iclab.spec") || !seen.add(c)) {
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    todo.add(rc.getType());
                    if (rc.getGenericType() instanceof ParameterizedType p) {
                        Arrays.stream(p.getActualTypeArguments()).filter(Class.class::isInstance).map(Class.class::cast).forEach(todo::add);
                    }
                }
            }
            if (c.isSealed()) {
                todo.addAll(Arrays.asList(c.getPermittedSubclasses()));
            }
            if (c.isInterface()) { // a kind of word: its registered records
                org.iclab.spec.Registry.get().words().stream().map(org.iclab.spec.Registry.Word::spec)
                        .filter(c::isAssignableFrom).forEach(todo::add);
            }
            todo.addAll(Arrays.asList(c.getDeclaredClasses()));
        }
        return seen;
    }

    static List<Class<?>> builders() {
        return specTypes().stream().filter(c -> c.getSimpleName().equals("Builder")).toList();
    }

    /** The builder X a {@code Consumer<X>} parameter takes, or null. */
    private static Class<?> consumed(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == Consumer.class && p.getActualTypeArguments()[0] instanceof Class<?> x) {
            return x;
        }
        return null;
    }

    private static void assertDelegatesOnlyTo(Method closureForm, Class<?> builder) {
        Parameter last = closureForm.getParameters()[closureForm.getParameterCount() - 1];
        assertThat(last.getType()).as(closureForm + " takes a closure").isEqualTo(Closure.class);
        DelegatesTo d = last.getAnnotation(DelegatesTo.class);
        assertThat(d).as(closureForm + " declares its delegate").isNotNull();
        assertThat(d.value()).as(closureForm + " delegates to").isEqualTo(builder);
        assertThat(d.strategy()).as(closureForm + " resolves").isEqualTo(Closure.DELEGATE_ONLY);
    }

    @Test
    void everyConsumerOfABuilderHasAClosureTwinDelegatingOnlyToThatBuilder() {
        List<String> checked = new ArrayList<>();
        for (Class<?> builder : builders()) {
            for (Method m : builder.getMethods()) {
                if (m.getDeclaringClass() != builder || m.getParameterCount() != 1) {
                    continue;
                }
                Class<?> inner = consumed(m.getGenericParameterTypes()[0]);
                if (inner == null) {
                    continue;
                }
                Method twin = Arrays.stream(ClosureForms.class.getMethods())
                        .filter(f -> f.getName().equals(m.getName()) && Modifier.isStatic(f.getModifiers())
                                && Arrays.equals(f.getParameterTypes(), new Class<?>[] {builder, Closure.class}))
                        .findFirst().orElse(null);
                assertThat(twin).as("closure form of " + builder.getName() + "." + m.getName()).isNotNull();
                assertThat(twin.getReturnType()).isEqualTo(m.getReturnType());
                assertDelegatesOnlyTo(twin, inner);
                checked.add(builder.getEnclosingClass().getSimpleName() + "." + m.getName());
            }
        }
        // guards the walk itself: these are the nested blocks the Java API has today
        assertThat(checked).contains("Experiment.train", "Experiment.evaluate", "TrainPlan.curriculum");
    }

    @Test
    void everyFactoryOfTheFacadeIsAWordWithTheSameForms() {
        List<String> words = new ArrayList<>();
        for (Method m : Iclab.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !m.getReturnType().getPackageName().startsWith("org.iclab.spec")
                    || m.getReturnType() == Experiment.class) {
                continue;
            }
            Class<?>[] params = m.getParameterTypes().clone();
            Class<?> inner = null;
            for (int i = 0; i < params.length; i++) {
                Class<?> x = consumed(m.getGenericParameterTypes()[i]);
                if (x != null) {
                    inner = x;
                    params[i] = Closure.class;
                }
            }
            assertThat(Words.isWord(m.getName())).as(m + " is a word of the DSL").isTrue();
            if (inner != null && org.iclab.spec.Registry.get().wordOf(inner.getEnclosingClass()).isPresent()) {
                // a registered word's Java builder (gpt2's): the word's own block form takes every setting it has
                assertThat(Words.settings(m.getName())).as(m.getName() + "'s block form").containsAll(Builders.settings(inner));
            } else if (inner != null) {
                // a builder block's closure twin lives among the special forms and delegates only to the builder
                Method word;
                try {
                    word = SpecialForms.class.getMethod(m.getName(), params);
                } catch (NoSuchMethodException e) {
                    throw new AssertionError("SpecialForms lacks " + m.getName() + Arrays.toString(params) + ", the DSL form of " + m, e);
                }
                assertThat(word.getReturnType()).isEqualTo(m.getReturnType());
                assertDelegatesOnlyTo(word, inner);
            }
            words.add(m.getName());
        }
        assertThat(words).contains("linearRegression", "gpt2", "adam", "nearestNeighbors");
        // and every registered word that has settings lists its named and block forms
        for (Reference.Word w : Reference.vocabulary()) {
            boolean hasSettings = !w.settings().isEmpty();
            assertThat(w.forms().stream().anyMatch(f -> f.startsWith(w.name() + "(") && f.contains(": ...")))
                    .as("named form of " + w.name()).isEqualTo(hasSettings);
            assertThat(w.forms().stream().anyMatch(f -> f.startsWith(w.name() + " { ")))
                    .as("block form of " + w.name()).isEqualTo(hasSettings);
        }
    }

    @Test
    void everyBuilderOfTheSpecIsABlockOfTheDslOrARegisteredWordsJavaBuilder() {
        // a registered word's builder (gpt2's) is the Java API's; a script writes the word by its record's settings
        List<Class<?>> wordBuilders = builders().stream()
                .filter(b -> org.iclab.spec.Registry.get().wordOf(b.getEnclosingClass()).isPresent()).toList();
        assertThat(wordBuilders).contains(org.iclab.spec.model.Gpt2.Builder.class);
        assertThat(Builders.BLOCKS.keySet()).containsExactlyInAnyOrderElementsOf(
                builders().stream().filter(b -> !wordBuilders.contains(b)).toList());
    }

    @Test
    void everySettingIsDocumentedForDescribe() {
        for (Class<?> builder : Builders.BLOCKS.keySet()) {
            for (String name : Builders.settings(builder)) {
                assertThat(Builders.settingMethods(builder).stream().filter(m -> m.getName().equals(name)))
                        .as(builder.getName() + "." + name + " has @Setting").anyMatch(m -> m.isAnnotationPresent(Setting.class));
            }
        }
        for (Reference.Word w : Reference.vocabulary()) {
            assertThat(w.type().getAnnotation(Setting.class)).as(w.name() + " has @Setting").isNotNull();
            for (RecordComponent c : w.type().getRecordComponents()) {
                assertThat(c.getAnnotation(Setting.class)).as(w.name() + "." + c.getName() + " has @Setting").isNotNull();
            }
        }
    }
}
