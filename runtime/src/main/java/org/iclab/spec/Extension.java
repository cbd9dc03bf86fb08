package org.iclab.spec;

import java.util.Map;

/**
 * One word of the vocabulary and its implementation: the word ({@code linearRegression}; also its JSON type name and
 * its entry in {@code describe}) and the spec record it makes. Each extension point is an interface extending this
 * one, in the package that implements it:
 * <ul>
 * <li>function class: {@code org.iclab.task.FunctionClass}; input sampler: {@code org.iclab.task.InputSampler};</li>
 * <li>prompt format: {@code org.iclab.graph.PromptFormat}; architecture: {@code org.iclab.graph.Architecture};</li>
 * <li>learner: {@code org.iclab.baseline.LearnerFactory};</li>
 * <li>evaluation strategy: {@code org.iclab.task.EvaluationStrategy}; token task: {@code org.iclab.task.TokenClass};</li>
 * <li>probe target, algorithm and control: {@code org.iclab.probe.ProbeTarget}, {@code ProbeAlgorithm},
 * {@code ProbeControl};</li>
 * <li>optimizer: {@code org.iclab.graph.UpdateRule}.</li>
 * </ul>
 * Every extension is listed in its package's {@link Registration}; the {@link Registry} collects them.
 */
public interface Extension {
    /** The word: the DSL word, the JSON type name and the {@code describe} entry; the spec record's {@link Word}. */
    default String word() {
        return wordOf(spec());
    }

    /** The spec record the word makes. */
    Class<?> spec();

    /**
     * Named records the word can start from, in order ({@code gpt2('small')}, {@code gpt2(preset: 'small', layers: 4)});
     * the first is where its named and block forms start when they name none. Most words have none.
     */
    default Map<String, ?> presets() {
        return Map.of();
    }

    /** A word whose record is all there is to it (a token score, a test set a class draws itself). */
    static Extension declared(Class<?> spec) {
        return new Declared(spec);
    }

    /**
     * The word {@code spec} carries ({@link Word}); a record class's {@code getClass()} reads its own.
     *
     * @throws IllegalStateException where {@code spec} carries none
     */
    static String wordOf(Class<?> spec) {
        Word word = spec.getAnnotation(Word.class);
        if (word == null) {
            throw new IllegalStateException(spec.getName() + " carries no @Word: a registered spec record names its word there");
        }
        return word.value();
    }

    /** A declared word. */
    record Declared(Class<?> spec) implements Extension {
    }
}
