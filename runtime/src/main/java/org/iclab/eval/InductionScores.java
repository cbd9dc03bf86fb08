package org.iclab.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.iclab.task.TokenBatch;

/**
 * The induction score of each attention layer and head (Olsson et al. 2022; Reddy 2023): at every scored position q
 * of a token sequence, the attention q pays to the tokens that follow earlier occurrences of q's own token (ids equal,
 * at s + 1 for s + 1 &lt; q), summed; averaged over the scored positions that have at least one such earlier
 * occurrence. In Reddy's bursty sequences the query is an item whose class appears in the context, and the tokens
 * after those items are their labels: the score is the query's attention on the label of the matching items.
 */
public final class InductionScores {
    private InductionScores() {
    }

    /**
     * The scores on {@code prompts}, keyed {@code "layer 1"}, {@code "layer 2"}, ... (counting from 1), each a list
     * over the heads; empty where no scored position has an earlier occurrence of its token. {@code attention} maps a
     * layer (from 0) and a slice of the prompts to that layer's weights [batch, heads, tokens, tokens].
     */
    public static Map<String, List<Double>> of(TokenBatch prompts, int layers, int heads, BiFunction<Integer, TokenBatch, float[]> attention) {
        int length = prompts.length();
        List<int[]> matches = new ArrayList<>(); // per (sequence, position) with matches: sequence, position, then targets
        for (int p = 0; p < prompts.batch(); p++) {
            for (int q = 0; q < length; q++) {
                if (prompts.mask(p, q) <= 0) {
                    continue;
                }
                List<Integer> after = new ArrayList<>();
                for (int s = 0; s + 1 < q; s++) {
                    if (prompts.id(p, s) == prompts.id(p, q)) {
                        after.add(s + 1);
                    }
                }
                if (!after.isEmpty()) {
                    int[] row = new int[after.size() + 2];
                    row[0] = p;
                    row[1] = q;
                    for (int i = 0; i < after.size(); i++) {
                        row[i + 2] = after.get(i);
                    }
                    matches.add(row);
                }
            }
        }
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        if (matches.isEmpty()) {
            return scores;
        }
        for (int layer = 0; layer < layers; layer++) {
            double[] sum = new double[heads];
            int next = 0;
            for (int from = 0; from < prompts.batch(); from += Evaluator.MODEL_BATCH) {
                int to = Math.min(prompts.batch(), from + Evaluator.MODEL_BATCH);
                float[] weights = attention.apply(layer, prompts.slice(from, to));
                for (; next < matches.size() && matches.get(next)[0] < to; next++) {
                    int[] row = matches.get(next);
                    for (int h = 0; h < heads; h++) {
                        long base = (((long) (row[0] - from) * heads + h) * length + row[1]) * length;
                        for (int i = 2; i < row.length; i++) {
                            sum[h] += weights[(int) (base + row[i])];
                        }
                    }
                }
            }
            List<Double> perHead = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                perHead.add(sum[h] / matches.size());
            }
            scores.put("layer " + (layer + 1), perHead);
        }
        return scores;
    }
}
