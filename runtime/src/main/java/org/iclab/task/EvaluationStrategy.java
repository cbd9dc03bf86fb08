package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Experiment;
import org.iclab.spec.Extension;
import org.iclab.spec.Registry;
import org.iclab.spec.strategy.Strategy;

/**
 * The extension point of evaluation strategies: the prompts a declared {@link Strategy} scores the model and the
 * baselines on. A strategy either changes how the prompts are drawn and scores them as drawn ({@link #plain}), or
 * keeps the context and scores each k on a query of its own ({@link #queries}, Garg et al.'s {@code xs_p}).
 * Registered in {@link TaskRegistration}.
 *
 * @param <S> the spec record
 */
public interface EvaluationStrategy<S extends Strategy> extends Extension {
    @Override
    Class<S> spec();

    /** The prompts of {@code strategy} for {@code experiment}'s evaluation plan, drawn from {@code seed}. */
    EvaluationPrompts draw(S strategy, Experiment experiment, long seed);

    /** How a plain strategy draws its {@code count} prompts of {@code points} pairs, all {@code dims} dimensions active. */
    @FunctionalInterface
    interface Draw<S> {
        PromptBatch draw(S strategy, Experiment experiment, PromptSampler own, long seed, int count, int points, int dims);
    }

    /**
     * How a query strategy derives one prompt's queries from its context inputs, which it may also change:
     * {@code xs} and {@code queries} hold the prompt's rows from {@code offset} ([points, dims]); queries from
     * {@code scored} on are never read.
     */
    @FunctionalInterface
    interface QueryRule {
        void fill(SplittableRandom rng, float[] xs, float[] queries, int offset, int points, int dims, int activeDims, int scored);
    }

    /** A strategy that scores its prompts as drawn. */
    static <S extends Strategy> EvaluationStrategy<S> plain(Class<S> spec, Draw<S> draw) {
        return new Simple<>(spec, (strategy, experiment, seed) -> {
            var plan = experiment.evaluate();
            int dims = experiment.task().dims();
            PromptBatch prompts = draw.draw(strategy, experiment, PromptSampler.of(experiment), seed, plan.prompts(), plan.points(), dims);
            return new EvaluationPrompts(strategy, prompts, null, null, prompts.points());
        });
    }

    /**
     * A strategy whose query at each k differs from the context input at k. Where {@code withinSpan}, only k below
     * the dimension of the inputs' span are scored (a query orthogonal to k inputs needs k < span).
     */
    static <S extends Strategy> EvaluationStrategy<S> queries(Class<S> spec, QueryRule rule, boolean withinSpan) {
        return new Simple<>(spec, (strategy, experiment, seed) -> EvaluationPrompts.withQueries(strategy, experiment, seed, rule, withinSpan));
    }

    /** A strategy made of its record (which carries its word) and prompts. */
    record Simple<S extends Strategy>(Class<S> spec, Prompts<S> prompts) implements EvaluationStrategy<S> {
        @Override
        public EvaluationPrompts draw(S strategy, Experiment experiment, long seed) {
            return prompts.draw(strategy, experiment, seed);
        }
    }

    /** The whole draw of a strategy's prompts. */
    @FunctionalInterface
    interface Prompts<S> {
        EvaluationPrompts draw(S strategy, Experiment experiment, long seed);
    }

    /** The registered implementation of {@code strategy}. */
    @SuppressWarnings("unchecked")
    static <S extends Strategy> EvaluationStrategy<S> of(S strategy) {
        return Registry.get().implementation(strategy, EvaluationStrategy.class);
    }
}
