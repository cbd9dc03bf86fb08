package org.iclab.task;

import java.util.Arrays;

/**
 * A batch of token sequences as flat row-major arrays [batch, length]: the token {@code ids} a model reads, the
 * {@code targets} it is trained to predict at each position (usually the next token), and a loss {@code mask} (1
 * where a position is predicted and scored, 0 elsewhere), over a vocabulary of {@code vocabulary} tokens. Where the
 * task knows them, {@code oracle} holds the distribution each target was drawn from, [batch, length, vocabulary]
 * (null otherwise, and in training batches).
 * <p>
 * A task whose tokens are real-valued vectors ({@code TokenTask.tokenWidth() > 0}: Reddy's bursty sequences) writes
 * them into {@code vectors}, [batch, length, width], which the model reads instead of the ids; its ids then name
 * what each token is (an item's class, a label) for analyses such as the induction score, any id ≥ 0, and only the
 * targets are ids of the vocabulary (the labels). Otherwise {@code vectors} is null and {@code width} 0.
 */
public record TokenBatch(int batch, int length, int vocabulary, int[] ids, int[] targets, float[] mask, float[] oracle,
                         int width, float[] vectors) implements Batch {
    public TokenBatch {
        long n = (long) batch * length;
        if (ids.length != n || targets.length != n || mask.length != n) {
            throw new IllegalArgumentException("arrays do not match shape [" + batch + ", " + length + "]");
        }
        if (oracle != null && oracle.length != n * vocabulary) {
            throw new IllegalArgumentException("oracle does not match shape [" + batch + ", " + length + ", " + vocabulary + "]");
        }
        if ((vectors == null) != (width == 0) || vectors != null && vectors.length != n * width) {
            throw new IllegalArgumentException("vectors do not match shape [" + batch + ", " + length + ", " + width + "]");
        }
        for (int i = 0; i < ids.length; i++) {
            boolean idOutside = ids[i] < 0 || vectors == null && ids[i] >= vocabulary;
            if (idOutside || targets[i] < 0 || targets[i] >= vocabulary) {
                throw new IllegalArgumentException("token " + (idOutside ? ids[i] : targets[i])
                        + " at " + i + " is outside the vocabulary [0, " + vocabulary + ")");
            }
        }
    }

    /** A batch of id tokens, with oracle distributions where {@code oracle} is not null. */
    public TokenBatch(int batch, int length, int vocabulary, int[] ids, int[] targets, float[] mask, float[] oracle) {
        this(batch, length, vocabulary, ids, targets, mask, oracle, 0, null);
    }

    /** A batch of id tokens without oracle distributions. */
    public TokenBatch(int batch, int length, int vocabulary, int[] ids, int[] targets, float[] mask) {
        this(batch, length, vocabulary, ids, targets, mask, null);
    }

    public int id(int sequence, int position) {
        return ids[sequence * length + position];
    }

    public int target(int sequence, int position) {
        return targets[sequence * length + position];
    }

    public float mask(int sequence, int position) {
        return mask[sequence * length + position];
    }

    /** The id whose logit is largest among {@code logits[offset .. offset + vocabulary)}; the first of equal ones. */
    public static int argMax(float[] logits, int offset, int vocabulary) {
        int best = 0;
        for (int v = 1; v < vocabulary; v++) {
            if (logits[offset + v] > logits[offset + best]) {
                best = v;
            }
        }
        return best;
    }

    /** The same batch with {@code ids} replaced (targets and mask kept). */
    public TokenBatch withIds(int[] ids) {
        return new TokenBatch(batch, length, vocabulary, ids, targets, mask, oracle, width, vectors);
    }

    /** Sequences {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
    public TokenBatch slice(int from, int to) {
        return new TokenBatch(to - from, length, vocabulary, Arrays.copyOfRange(ids, from * length, to * length),
                Arrays.copyOfRange(targets, from * length, to * length), Arrays.copyOfRange(mask, from * length, to * length),
                oracle == null ? null : Arrays.copyOfRange(oracle, from * length * vocabulary, to * length * vocabulary),
                width, vectors == null ? null : Arrays.copyOfRange(vectors, from * length * width, to * length * width));
    }
}
