package org.iclab.probe;

import java.util.function.IntUnaryOperator;
import org.iclab.task.PromptBatch;

/**
 * One layer's hidden states at the prediction tokens only: for every prompt and position k, the width-wide state at
 * the token that predicts y_{k+1}, [prompts, points, width] floats. Prompts are run through the model in chunks, each
 * chunk fetching this one layer's endpoint; what a fetch returns for the other tokens is dropped as soon as the
 * prediction tokens are copied out. Probes capture layer after layer, each capture released before the next, so a
 * probe holds one layer at a time and never an activation cache of the whole model.
 */
public final class LayerCapture {
    /** Where hidden states come from: a model's {@code hidden} or {@code normedHidden}, flat [batch, tokens, width]. */
    @FunctionalInterface
    public interface Source {
        float[] fetch(int layer, PromptBatch batch);
    }

    /** Prompts run through the model per fetch, as the evaluator does. */
    public static final int CHUNK = 64;

    private final int layer;
    private final int prompts;
    private final int points;
    private final int width;
    private final float[] states;
    /** Whether it holds every token ({@link #everyToken}) rather than one token a position k. */
    private final boolean everyToken;

    private LayerCapture(int layer, int prompts, int points, int width, float[] states, boolean everyToken) {
        this.layer = layer;
        this.prompts = prompts;
        this.points = points;
        this.width = width;
        this.states = states;
        this.everyToken = everyToken;
    }

    /**
     * Captures {@code layer} of every prompt of {@code batch}: {@code tokens} tokens per prompt, the state of
     * position k read at token {@code tokenOfK.applyAsInt(k)}.
     */
    public static LayerCapture capture(Source source, int layer, PromptBatch batch, int width, int tokens, IntUnaryOperator tokenOfK) {
        int points = batch.points();
        float[] states = new float[batch.batch() * points * width];
        int[] token = new int[points];
        for (int k = 0; k < points; k++) {
            token[k] = tokenOfK.applyAsInt(k);
        }
        for (int from = 0; from < batch.batch(); from += CHUNK) {
            int to = Math.min(batch.batch(), from + CHUNK);
            float[] fetched = fetch(source, layer, batch, from, to, tokens, width);
            for (int p = 0; p < to - from; p++) {
                for (int k = 0; k < points; k++) {
                    System.arraycopy(fetched, (p * tokens + token[k]) * width, states, ((from + p) * points + k) * width, width);
                }
            }
        }
        return new LayerCapture(layer, batch.batch(), points, width, states, false);
    }

    /** Prompts from..to of {@code batch} through the model, their layer checked to be as large as it should. */
    private static float[] fetch(Source source, int layer, PromptBatch batch, int from, int to, int tokens, int width) {
        float[] fetched = source.fetch(layer, batch.slice(from, to));
        if (fetched.length != (long) (to - from) * tokens * width) {
            throw new IllegalStateException("layer " + layer + " gave " + fetched.length + " values for " + (to - from)
                    + " prompts of " + tokens + " tokens, " + width + " wide");
        }
        return fetched;
    }

    /**
     * Captures {@code layer} at every one of the {@code tokens} tokens of each prompt of {@code batch}, for probes that
     * pool over positions: [prompts, tokens, width] floats, read back with {@link #upTo(int)}.
     */
    public static LayerCapture everyToken(Source source, int layer, PromptBatch batch, int width, int tokens) {
        float[] states = new float[batch.batch() * tokens * width];
        for (int from = 0; from < batch.batch(); from += CHUNK) {
            int to = Math.min(batch.batch(), from + CHUNK);
            float[] fetched = fetch(source, layer, batch, from, to, tokens, width);
            System.arraycopy(fetched, 0, states, from * tokens * width, fetched.length);
        }
        return new LayerCapture(layer, batch.batch(), tokens, width, states, true);
    }

    /**
     * Of a capture of every token: each prompt's states at tokens 0..{@code last} (prompts × (last + 1) × width, as
     * doubles for fitting).
     */
    public double[][][] upTo(int last) {
        if (!everyToken) {
            throw new IllegalStateException("upTo reads a capture of every token; this one holds the prediction tokens");
        }
        double[][][] out = new double[prompts][last + 1][width];
        for (int p = 0; p < prompts; p++) {
            for (int t = 0; t <= last; t++) {
                int base = (p * points + t) * width;
                for (int j = 0; j < width; j++) {
                    out[p][t][j] = states[base + j];
                }
            }
        }
        return out;
    }

    /** The states at position k, one row per prompt (prompts × width, as doubles for fitting). */
    public double[][] at(int k) {
        if (everyToken) {
            throw new IllegalStateException("at(k) reads a capture of the prediction tokens; this one holds every token");
        }
        double[][] rows = new double[prompts][width];
        for (int p = 0; p < prompts; p++) {
            int base = (p * points + k) * width;
            for (int j = 0; j < width; j++) {
                rows[p][j] = states[base + j];
            }
        }
        return rows;
    }

    public int layer() {
        return layer;
    }

    public int prompts() {
        return prompts;
    }

    /** Bytes the capture holds: prompts · points · width floats. */
    public long bytes() {
        return (long) states.length * Float.BYTES;
    }
}
