package org.iclab.spec;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.measure.Measure;
import org.iclab.spec.model.Model;
import org.iclab.spec.optimizer.Optimizer;
import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.probe.ControlTask;
import org.iclab.spec.probe.Probe;
import org.iclab.spec.probe.Target;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.score.Score;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.Task;
/**
 * The kinds of word a declaration takes, each the spec interface its records implement and the setting that takes
 * it ({@code task linearRegression(dims: 5)}, {@code baselines leastSquares(), averaging()}). In the order
 * {@code describe} lists them.
 */
public enum Kind {
    TASK("task", Task.class),
    INPUTS("inputs", Inputs.class),
    PROMPT("prompt", Prompt.class),
    MODEL("model", Model.class),
    OPTIMIZER("optimizer", Optimizer.class),
    BASELINE("baselines", Baseline.class),
    STRATEGY("strategies", Strategy.class),
    ALGORITHM("alignment", Algorithm.class),
    CONTROL("control", ControlTask.class),
    TARGET("linear", Target.class),
    MEASURE("measures", Measure.class),
    /** Probe kinds are settings of the probes block ({@code linear(...)}, {@code readout()}), not words of their own. */
    PROBE("probes", Probe.class, false),
    /** Token scores are named by a task's objective ({@link Objective.CrossEntropy#scores()}), not words of the DSL. */
    SCORE("scores", Score.class, false);

    private final String setting;
    private final Class<?> type;

    private final boolean word;

    Kind(String setting, Class<?> type) {
        this(setting, type, true);
    }

    Kind(String setting, Class<?> type, boolean word) {
        this.setting = setting;
        this.type = type;
        this.word = word;
    }

    /** Whether its registrations are words of the DSL and {@code describe} (every kind but the probe kinds). */
    public boolean word() {
        return word;
    }

    /** The setting that takes words of this kind: {@code task}, {@code baselines}, ... */
    public String setting() {
        return setting;
    }

    /** The spec interface every word of this kind implements. */
    public Class<?> type() {
        return type;
    }

    /** The kind of a spec record, or null when it implements none of the kinds' interfaces. */
    public static Kind of(Class<?> spec) {
        for (Kind k : values()) {
            if (k.type.isAssignableFrom(spec)) {
                return k;
            }
        }
        return null;
    }
}
