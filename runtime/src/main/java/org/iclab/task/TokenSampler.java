package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.TokenTask;

/** Draws batches of a token task's sequences; every batch is a pure function of its seed. */
public final class TokenSampler {
    private final TokenTask task;
    private final TokenClass<TokenTask> sequences;

    public TokenSampler(TokenTask task) {
        this.task = task;
        this.sequences = TokenClass.of(task);
    }

    /**
     * {@code batch} sequences drawn one after another from one generator seeded by {@code seed}, each cut to its
     * first {@code length} tokens (a curriculum over lengths; the task's length at most).
     */
    public TokenBatch sample(long seed, int batch, int length) {
        return sample(seed, batch, length, false);
    }

    /**
     * The same sequences as {@link #sample(long, int, int)}, with the distribution each target was drawn from where
     * {@code withOracle} (for a task that {@code hasOracle()}).
     */
    public TokenBatch sample(long seed, int batch, int length, boolean withOracle) {
        return sample(seed, batch, length, withOracle, null, new Standard());
    }

    /**
     * {@code batch} sequences of the test set {@code strategy} (one the task accepts; {@code standard()}: as in
     * training), from one generator seeded by {@code seed}.
     */
    public TokenBatch sample(long seed, int batch, int length, Strategy strategy) {
        return sample(seed, batch, length, task.hasOracle(), null, strategy);
    }

    /** Where a pool of languages is in play: training picks members, evaluation avoids them. */
    public enum Use { TRAIN, EVALUATE }

    /**
     * Sequences as {@link #sample(long, int, int, boolean)}, with a pool of languages: in training each sequence's
     * language is a member ({@code nextInt(size)} from the batch's stream, then the sequence); in evaluation each is
     * a fresh draw, redrawn while it is a member. Without a pool ({@code pool} null) both are the plain draw.
     */
    public TokenBatch sample(long seed, int batch, int length, boolean withOracle, TokenPool pool, Use use) {
        if (pool == null || use == Use.EVALUATE && pool.size() == 0) {
            return sample(seed, batch, length, withOracle);
        }
        if (use == Use.TRAIN && pool.sequences() > 0) {
            return sample(seed, batch, length, withOracle, null, new Standard(), pool);
        }
        return sample(seed, batch, length, withOracle, rng -> use == Use.TRAIN ? pool.member(rng.nextInt(pool.size())) : outside(rng, pool),
                new Standard());
    }

    /** A fresh language that is not in {@code pool}: drawn again while it is a member. */
    Object outside(SplittableRandom rng, TokenPool pool) {
        Object language = sequences.language(task, rng);
        while (pool.contains(language)) {
            language = sequences.language(task, rng);
        }
        return language;
    }

    private TokenBatch sample(long seed, int batch, int length, boolean withOracle, java.util.function.Function<SplittableRandom, Object> languages,
                              Strategy strategy) {
        return sample(seed, batch, length, withOracle, languages, strategy, null);
    }

    /**
     * The batch; with {@code sequences} (a pool of fixed training sequences) each row is one of them, picked from the
     * batch's stream and drawn again from its own stream.
     */
    private TokenBatch sample(long seed, int batch, int length, boolean withOracle, java.util.function.Function<SplittableRandom, Object> languages,
                              Strategy strategy, TokenPool sequencePool) {
        int full = task.length();
        if (length < 1 || length > full) {
            throw new IllegalArgumentException("length must be in [1, " + full + "], was " + length);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ids = new int[batch * full];
        int[] targets = new int[batch * full];
        float[] mask = new float[batch * full];
        float[] oracle = withOracle ? new float[batch * full * task.vocabulary()] : null;
        int width = task.tokenWidth();
        float[] vectors = width > 0 ? new float[batch * full * width] : null;
        if (vectors == null && !(strategy instanceof Standard)) {
            throw new IllegalArgumentException(task.getClass().getSimpleName() + " has no test set " + strategy.label());
        }
        for (int b = 0; b < batch; b++) {
            SplittableRandom row = rng;
            Object language = null;
            if (sequencePool != null) {
                int n = rng.nextInt(sequencePool.sequences());
                row = sequencePool.sequenceStream(n);
                language = sequencePool.sequenceLanguage(n);
                if (language == null && task.hasLanguages() && vectors == null) {
                    language = sequences.language(task, row);
                }
            } else if (languages != null) {
                language = languages.apply(rng);
            }
            if (vectors != null) {
                sequences.drawVectors(task, strategy, row, ids, targets, mask, vectors, b * full);
            } else if (language != null) {
                sequences.drawIn(task, language, row, ids, targets, mask, b * full, oracle);
            } else if (withOracle) {
                sequences.draw(task, row, ids, targets, mask, b * full, oracle);
            } else {
                sequences.draw(task, row, ids, targets, mask, b * full);
            }
        }
        TokenBatch drawn = new TokenBatch(batch, full, task.vocabulary(), ids, targets, mask, oracle, width, vectors);
        return length == full ? drawn : cut(drawn, length);
    }

    private static TokenBatch cut(TokenBatch b, int length) {
        int[] ids = new int[b.batch() * length];
        int[] targets = new int[b.batch() * length];
        float[] mask = new float[b.batch() * length];
        int v = b.vocabulary();
        float[] oracle = b.oracle() == null ? null : new float[b.batch() * length * v];
        int w = b.width();
        float[] vectors = b.vectors() == null ? null : new float[b.batch() * length * w];
        for (int s = 0; s < b.batch(); s++) {
            if (vectors != null) {
                System.arraycopy(b.vectors(), s * b.length() * w, vectors, s * length * w, length * w);
            }
            System.arraycopy(b.ids(), s * b.length(), ids, s * length, length);
            System.arraycopy(b.targets(), s * b.length(), targets, s * length, length);
            System.arraycopy(b.mask(), s * b.length(), mask, s * length, length);
            if (oracle != null) {
                System.arraycopy(b.oracle(), s * b.length() * v, oracle, s * length * v, length * v);
            }
        }
        return new TokenBatch(b.batch(), length, v, ids, targets, mask, oracle, w, vectors);
    }
}
