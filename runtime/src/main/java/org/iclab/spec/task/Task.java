package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Registry;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A function class: the distribution of functions f from which each prompt's (x, f(x)) pairs are drawn. The record
 * declares what the rest of iclab needs to know about the class — its objective, the baselines it is compared with
 * by default, whether its functions have weights — and its sampler is registered beside it
 * ({@code org.iclab.task.FunctionClass}), so a new class is its record, its sampler and one registration line.
 * JSON type names come from the registry ({@link Registry}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Task {
    /** Input dimension d. */
    int dims();

    /** What the model is trained to minimise and how every prediction is scored. */
    Objective objective();

    /**
     * The most k results are reported at for prompts of {@code points} (eval.csv's k = 0 .. this − 1): every
     * point by default; a token task whose k counts larger units says how many it has at most.
     */
    default int reportedKs(int points) {
        return points;
    }

    /** The baselines an evaluation compares with when none are declared. */
    default List<Baseline> defaultBaselines() {
        return List.of(new LeastSquares(), new NearestNeighbors(3), new Averaging());
    }

    /** The evaluation strategies an experiment uses when it declares none. */
    default List<Strategy> defaultStrategies() {
        return List.of(new Standard());
    }

    /** The inputs an experiment samples when it declares none. */
    default Inputs defaultInputs() {
        return new Gaussian();
    }

    /** Why the class cannot be sampled with {@code inputs} (a rule, as an error states it), or null where it can. */
    default String cannotRead(Inputs inputs) {
        return null;
    }

    /** Whether the class can be evaluated under {@code strategy}. */
    default boolean accepts(Strategy strategy) {
        return true;
    }

    /** Whether each function has weights w (a linear class), which probes can read as the target {@code weights()}. */
    default boolean hasWeights() {
        return false;
    }

    /** What a prediction's squared error is divided by when reported (1 where the objective is not a squared error). */
    default double errorScale() {
        return objective() instanceof Objective.SquaredError s ? s.scale() : 1;
    }

    /** True where the objective is the logistic loss on ±1 labels (scored as 1 − accuracy). */
    default boolean classification() {
        return objective().loss() == Objective.Loss.LOGISTIC;
    }
}
