package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import java.util.List;

/**
 * A class of Boolean functions (Bhattamishra et al. 2023): inputs x ∈ {−1, +1}^n ({@link Hypercube}, the default
 * and the only inputs the classes are defined on), labels y ∈ {−1, +1}, each flipped with probability
 * {@link #labelNoise()} after the function is applied. The model is trained with the logistic loss on its output as
 * a logit and every learner is scored by the sign of its prediction (classification error, 1 − accuracy).
 *
 * <p>Only the {@code standard} evaluation strategy applies: the others move inputs off the cube (scaled or
 * rotated inputs, quadrants) or add real-valued noise to y.
 */
public interface BooleanTask extends Task {
    /** The description of every Boolean task's {@code dims}. */
    String DIMS = "Input dimension n (coordinates are -1 or +1).";
    /** The description of every Boolean task's {@code labelNoise}. */
    String LABEL_NOISE = "Probability that a label is flipped, per point, after the function is applied.";

    /** Probability that a label is flipped, per point, after the function is applied. */
    double labelNoise();

    @Override
    default Objective objective() {
        return Objective.logistic();
    }

    @Override
    default Inputs defaultInputs() {
        return new Hypercube();
    }

    @Override
    default String cannotRead(Inputs inputs) {
        return inputs instanceof Hypercube ? null : "must be hypercube() for a Boolean task (its functions are defined on {-1, +1}^n)";
    }

    @Override
    default boolean accepts(Strategy strategy) {
        return strategy instanceof Standard;
    }

    /** 1-NN, least squares (scored by its sign) and averaging: the generic learners that apply to ±1 labels. */
    List<Baseline> GENERIC_BASELINES = List.of(new NearestNeighbors(1), new LeastSquares(), new Averaging());

    /** The class's own learner (elimination, the perceptron, Gaussian elimination over GF(2)), or null where it has none. */
    default Baseline ownLearner() {
        return null;
    }

    /** The class's own learner first, where it has one, then the generic ones. */
    @Override
    default List<Baseline> defaultBaselines() {
        return ownLearner() == null ? GENERIC_BASELINES : withOwn(ownLearner());
    }

    /** A class whose functions are halfspaces y = sign(w·x − θ): probes can read w ({@link Task#hasWeights()}). */
    interface Halfspace extends BooleanTask {
        @Override
        default boolean hasWeights() {
            return true;
        }
    }

    /** A class's own learner, then the generic ones. */
    static List<Baseline> withOwn(Baseline own) {
        List<Baseline> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(GENERIC_BASELINES);
        return List.copyOf(all);
    }

    /** Checks the settings every Boolean task has: {@code dims} > 0 and a label noise in [0, ½). */
    static Problems check(int dims, double labelNoise) {
        return Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(labelNoise >= 0 && labelNoise < 0.5, "labelNoise", "must be in [0, 0.5)", labelNoise);
    }
}
