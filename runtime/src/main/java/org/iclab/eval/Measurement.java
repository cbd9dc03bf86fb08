package org.iclab.eval;

import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.Extension;
import org.iclab.spec.measure.Measure;
import org.iclab.spec.Registry;
import org.iclab.spec.strategy.Strategy;
import org.iclab.task.TokenBatch;

/**
 * The extension point of measures taken during training ({@link Measure}): how one is taken on the model at an
 * evaluation, strategy by strategy. Registered in {@link EvalRegistration}; {@link Measures} takes them and the run
 * directory writes what they return under their words.
 *
 * @param <M> the spec record
 */
public interface Measurement<M extends Measure> extends Extension {
    @Override
    Class<M> spec();

    /**
     * Why the measure cannot be taken on this run's model, or null: a default measure that cannot is left out, a
     * declared one is an error as soon as the model is compiled, before any step (and before env.json and model.json
     * are written). Settings that depend on what an evaluation reports (iclScore's positions) are checked at the
     * first evaluation, which comes before the first step.
     */
    default String cannotTake(M measure, CompiledModel model) {
        return null;
    }

    /**
     * The measure on one strategy's evaluation: a value per series, in the order its figure draws them; empty where
     * there is nothing to measure (no values are written then).
     */
    Map<String, Double> take(M measure, Strategy strategy, Context context);

    /** What an evaluation during training offers a measure. */
    interface Context {
        Experiment experiment();

        CompiledModel model();

        /** The evaluation's token sequences of {@code strategy} (a token task). */
        TokenBatch tokenPrompts(Strategy strategy);

        /** The model's curve of {@code strategy} at this evaluation. */
        ErrorCurve modelCurve(Strategy strategy);
    }

    /** The registered measurement of {@code measure}. */
    @SuppressWarnings("unchecked")
    static <M extends Measure> Measurement<M> of(M measure) {
        return Registry.get().implementation(measure, Measurement.class);
    }
}
