package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Extension;
import org.iclab.spec.PosteriorSupport;
import org.iclab.spec.Registry;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.TokenTask;

/**
 * The extension point of token tasks: how one sequence of a declared {@link TokenTask} is drawn (a fresh language,
 * chain or rule per sequence where the task says so), with the target at each position and whether that position
 * is scored. Registered in a package's registration list like every word.
 *
 * @param <T> the spec record
 */
public interface TokenClass<T extends TokenTask> extends Extension, PosteriorSupport {
    @Override
    Class<T> spec();

    /**
     * Draws one sequence of {@code task.length()} tokens from {@code rng} into {@code ids}, {@code targets} and
     * {@code mask} from {@code offset}: the ids the model reads, the target it should predict at each position, and
     * 1 where that prediction is scored (0 elsewhere).
     */
    void draw(T task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset);

    /**
     * {@link #draw}, drawing the same sequence from the same stream, and writing into
     * {@code oracle[(offset + t) * vocabulary ..]} the distribution target t was drawn from: by default the sequence
     * drawn in its own fresh {@link #language}. Only classes whose task says {@code hasOracle()} can write it.
     */
    default void draw(T task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset, float[] oracle) {
        drawIn(task, language(task, rng), rng, ids, targets, mask, offset, oracle);
    }

    /**
     * The random language one sequence is drawn in (a transition table, an automaton), from {@code rng}: what a pool
     * of tasks fixes and what evaluation keeps apart from it. Only classes whose task says {@code hasLanguages()}
     * implement it; the language's {@code equals} says when two draws are the same language.
     */
    default Object language(T task, SplittableRandom rng) {
        throw new UnsupportedOperationException(word() + " has no languages to pool");
    }

    /** {@link #draw} in a given {@code language}, everything else from {@code rng}; oracle may be null. */
    default void drawIn(T task, Object language, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset, float[] oracle) {
        throw new UnsupportedOperationException(word() + " has no languages to pool");
    }

    /**
     * The unit each position of sequence {@code sequence} is scored in ({@link TokenTask#unit()}): for the default,
     * the position itself; a class of examples returns the index of the example its target belongs to.
     */
    default int[] units(T task, TokenBatch batch, int sequence) {
        return java.util.stream.IntStream.range(0, batch.length()).toArray();
    }

    /**
     * One sequence of a task whose tokens are vectors ({@link TokenTask#tokenWidth()} &gt; 0) as {@link #draw} writes
     * it, under {@code strategy} ({@code standard()}: as in training; otherwise one of the test sets the task accepts),
     * with each token's vector written into {@code vectors} from {@code offset · tokenWidth}. Only such classes
     * implement it.
     */
    default void drawVectors(T task, Strategy strategy, SplittableRandom rng, int[] ids, int[] targets, float[] mask, float[] vectors, int offset) {
        throw new UnsupportedOperationException(word() + " writes no token vectors");
    }

    /**
     * The posterior predictive under the task's own prior ({@code bayes()} on token tasks), or null where it has no
     * closed form. It keeps no state between calls: evaluation shares it across threads.
     */
    default Predictive posterior(T task) {
        return null;
    }

    /** A posterior predictive of token sequences. */
    @FunctionalInterface
    interface Predictive {
        /** Fills {@code out[t * vocabulary + v]} with the probability that sequence {@code sequence}'s target t is v. */
        void predict(TokenBatch batch, int sequence, double[] out);
    }

    /** The posterior does not depend on a pool of languages: it is the prior's, which evaluation prompts are drawn from. */
    @Override
    default String noPosterior(Object task, boolean pooledFunctions) {
        return posterior(spec().cast(task)) == null ? PosteriorSupport.NONE : null;
    }

    /**
     * A test set that a token class draws itself ({@link #drawVectors}): the strategy's word, registered so that
     * scripts can name it.
     */
    record TestSet(Class<? extends Strategy> spec) implements Extension {
    }

    /** The registered token class of {@code task}. */
    @SuppressWarnings("unchecked")
    static <T extends TokenTask> TokenClass<T> of(T task) {
        return Registry.get().implementation(task, TokenClass.class);
    }
}
