package org.iclab.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.GroovyShell;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.iclab.Iclab;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.Registry;
import org.junit.jupiter.api.Test;

/**
 * Every registered word is a word of both APIs: it has a Java factory on {@link Iclab}, and a script can write it
 * with named arguments and as a block, giving the record the factory gives.
 */
class WordsTest {
    private static Object evaluate(String expression) {
        return new GroovyShell(ExperimentScripts.configuration()).evaluate(expression);
    }

    /** The word's record from its shortest factory, with small stand-ins for the required settings. */
    private static Object example(java.lang.reflect.Executable shortest) throws ReflectiveOperationException {
        Class<?>[] types = shortest.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = t == int.class ? (Object) 4 : t == double.class ? (Object) (0.25 + i) : t == Gpt2.class ? Iclab.gpt2("tiny")
                    : t == String.class ? "tiny" : t == org.iclab.spec.task.Task.class ? Iclab.linearRegression(4)
                    : t == org.iclab.spec.task.Task[].class ? new org.iclab.spec.task.Task[] {Iclab.linearRegression(4), Iclab.sparseLinearRegression(4, 1, 1.0)}
                    : null;
        }
        return Factories.make(shortest, args);
    }

    private static String literal(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof org.iclab.spec.Span s) {
            return s.min() + ".." + s.max();
        }
        if (v instanceof Double d) {
            return d + "d";
        }
        if (v instanceof Gpt2 g) {
            return "gpt2(layers: " + g.layers() + ", heads: " + g.heads() + ", embed: " + g.embed() + ", positions: " + g.positions() + ")";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(WordsTest::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof org.iclab.spec.Interval i) {
            return "[" + i.min() + "d, " + i.max() + "d]";
        }
        if (v instanceof Record r && Registry.get().wordOf(r.getClass()).isPresent()) { // a word inside a word: its named form
            List<String> named = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    Object value = c.getAccessor().invoke(r);
                    if (value != null) {
                        named.add(c.getName() + ": " + literal(value));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Registry.get().wordOf(r.getClass()).get().name() + "(" + String.join(", ", named) + ")";
        }
        return String.valueOf(v);
    }

    @Test
    void everyRegisteredWordHasAJavaFormAndNamedAndBlockForms() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Registry.Word w : Registry.get().words()) {
            // a factory of the facade, or else the record's own constructors
            List<java.lang.reflect.Executable> factories = Factories.of(w.name(), w.spec()).stream()
                    .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(java.util.function.Consumer.class::isAssignableFrom)).toList();
            assertThat(factories).as("the word " + w.name() + " has a Java form making " + w.spec().getSimpleName()).isNotEmpty();
            Object expected = example(factories.get(0));
            RecordComponent[] components = w.spec().getRecordComponents();
            if (components == null || components.length == 0) {
                assertThat(evaluate(w.name() + "()")).as(w.name()).isEqualTo(expected);
                checked.add(w.name());
                continue;
            }
            List<String> named = new ArrayList<>();
            List<String> block = new ArrayList<>();
            for (RecordComponent c : components) {
                Object v = c.getAccessor().invoke(expected);
                if (v == null) {
                    continue;
                }
                named.add(c.getName() + ": " + literal(v));
                block.add(c.getName() + "(" + literal(v) + ")");
            }
            assertThat(evaluate(w.name() + "(" + String.join(", ", named) + ")")).as(w.name() + " named").isEqualTo(expected);
            assertThat(evaluate(w.name() + " { " + String.join("; ", block) + " }")).as(w.name() + " block").isEqualTo(expected);
            checked.add(w.name());
        }
        assertThat(checked).contains("linearRegression", "gpt2", "gru", "lstm", "linearAttention", "looped", "adam", "noisyY", "newton");
    }

    @Test
    void aTokenTaskNeedsNoPromptLine() {
        List<DeclaredExperiment> d = ExperimentScripts.evaluate("""
                experiment('chain') {
                    task markovChain(states: 4, length: 12)
                    model gru { layers 1; hidden 8 }
                    train { steps 10 }
                }
                experiment('chain-sinusoidal') {
                    task markovChain { states 4; order 2; length 12 }
                    prompt tokens(positional: 'sinusoidal')
                    model gpt2 { layers 1; positions 12 }
                }
                """, "m.groovy");
        assertThat(d.get(0).experiment().prompt()).isEqualTo(new org.iclab.spec.prompt.Tokens(12, null));
        assertThat(d.get(0).experiment().task()).isEqualTo(Iclab.markovChain(4, 1, 1.0, 12));
        assertThat(d.get(1).experiment().prompt()).isEqualTo(new org.iclab.spec.prompt.Tokens(12, "sinusoidal"));
        assertThat(d.get(1).experiment().evaluate().baselines()).containsExactly(Iclab.bayes(), Iclab.oracle(), Iclab.ngram(1), Iclab.ngram(2), Iclab.ngram(3));
    }

    @Test
    void namedArgumentsAndABlockCombineAndWordsNestInBlocks() {
        assertThat(evaluate("lstm(layers: 2) { hidden 16 }")).isEqualTo(Iclab.lstm(2, 16));
        assertThat(evaluate("looped { block gpt2 { layers 1 }; loops 6 }")).isEqualTo(Iclab.looped(Iclab.gpt2(b -> b.layers(1)), 6));
        assertThat(evaluate("linearAttention { layers 1 }")).isEqualTo(Iclab.linearAttention(1));
    }

    @Test
    void sgdAndDropoutAreWordsAndSettingsOfTheDsl() {
        assertThat(evaluate("sgd(lr: 0.01, weightDecay: 1e-6)"))
                .isEqualTo(new org.iclab.spec.optimizer.Sgd(0.01, 0, 1e-6, false, 0, "constant", 0, 0));
        assertThat(evaluate("sgd { lr 0.1; momentum 0.9; nesterov true; warmup 0.1; schedule 'cosine'; minLr 0.01 }"))
                .isEqualTo(new org.iclab.spec.optimizer.Sgd(0.1, 0.9, 0, true, 0.1, "cosine", 0.01, 0));
        assertThat(evaluate("adam(lr: 5e-4, warmup: 0.1, warmupFrom: 1e-5, schedule: 'cosine', minLr: 5e-5)"))
                .isEqualTo(new org.iclab.spec.optimizer.Adam(5e-4, 0.9, 0.999, 1e-8, 0, 0.1, "cosine", 5e-5, 1e-5));
        assertThat(evaluate("newton(iterations: [1, 2], alpha: 'paper')"))
                .isEqualTo(new org.iclab.spec.probe.Newton(java.util.List.of(1, 2), "paper"));
        assertThat(evaluate("ngram(n: 3, smoothing: 'katz')")).isEqualTo(new org.iclab.spec.baseline.Ngram(3, "katz"));
        assertThat(evaluate("gpt2 { layers 2; embedDropout 0.1; attentionDropout 0.2 }"))
                .isEqualTo(Iclab.gpt2(b -> b.layers(2).embedDropout(0.1).attentionDropout(0.2)));
    }
}
