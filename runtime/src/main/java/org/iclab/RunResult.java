package org.iclab;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.probe.ProbeResults;
import org.iclab.spec.Experiment;
import org.iclab.train.TrainingLog;

/**
 * What a run produced, for tests and jshell: the resolved experiment, its run directory, the logged training
 * steps, the error curves of the model and each baseline, and what the probes found (null for an experiment
 * without probes).
 */
public record RunResult(Experiment experiment, Path directory, List<TrainingLog> training, List<ErrorCurve> curves,
                        long parameterCount, double wallSeconds, ProbeResults probes) {
    public RunResult {
        training = List.copyOf(training);
        curves = List.copyOf(curves);
    }

    /** A run without probes. */
    public RunResult(Experiment experiment, Path directory, List<TrainingLog> training, List<ErrorCurve> curves,
                     long parameterCount, double wallSeconds) {
        this(experiment, directory, training, curves, parameterCount, wallSeconds, null);
    }

    /** The curve of {@code learner} ({@code "model"}, {@code "leastSquares"}, ...) on the standard prompts. */
    public ErrorCurve curve(String learner) {
        return curve(Evaluator.STANDARD, learner);
    }

    /** The curve of {@code learner} under the strategy labelled {@code strategy} ({@code "scaledX(2)"}, ...). */
    public ErrorCurve curve(String strategy, String learner) {
        return curves.stream().filter(c -> c.strategy().equals(strategy) && c.learner().equals(learner)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no curve for learner '" + learner + "' under strategy '"
                        + strategy + "'; have " + curves.stream().map(c -> c.strategy() + "/" + c.learner()).toList()));
    }

    /** Normalised error of {@code learner} with k in-context examples, on the standard prompts. */
    public double error(String learner, int k) {
        return curve(learner).at(k);
    }

    /** Normalised error of {@code learner} with k in-context examples under the strategy labelled {@code strategy}. */
    public double error(String strategy, String learner, int k) {
        return curve(strategy, learner).at(k);
    }

    /** The loss at the last logged step. */
    public double finalLoss() {
        return training.isEmpty() ? Double.NaN : training.get(training.size() - 1).loss();
    }
}
