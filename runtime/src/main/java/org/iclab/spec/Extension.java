package org.iclab.spec;

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
    /** The word: the DSL word, the JSON type name and the {@code describe} entry. */
    String word();

    /** The spec record the word makes. */
    Class<?> spec();

    /** A word whose record is all there is to it (a token score, a test set a class draws itself). */
    static Extension declared(String word, Class<?> spec) {
        return new Declared(word, spec);
    }

    /** A declared word. */
    record Declared(String word, Class<?> spec) implements Extension {
    }
}
