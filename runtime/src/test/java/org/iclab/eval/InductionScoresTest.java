package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.iclab.task.TokenBatch;
import org.junit.jupiter.api.Test;

/** The induction score on sequences and attention weights written out by hand. */
class InductionScoresTest {
    /**
     * Two sequences of 7 tokens scored at the last. Sequence 0: ids 3 9 5 8 3 9 3 — the query (3) occurs at 0 and
     * 4, so the tokens after them are 1 and 5. Sequence 1: ids 1 2 4 6 7 2 5 — the query (5) never occurs before.
     */
    static TokenBatch batch() {
        int[] ids = {3, 9, 5, 8, 3, 9, 3, 1, 2, 4, 6, 7, 2, 5};
        float[] mask = new float[14];
        mask[6] = 1;
        mask[13] = 1;
        return new TokenBatch(2, 7, 20, ids, new int[14], mask);
    }

    @Test
    void theScoreSumsTheQuerysAttentionOnTheTokensAfterEarlierMatchesPerLayerAndHead() {
        TokenBatch prompts = batch();
        int length = 7;
        int heads = 2;
        // layer 0: head 0 puts 0.3 on token 1 and 0.2 on token 5 (score 0.5), head 1 all on token 4 (score 0);
        // layer 1: head 0 0.9 on token 5, head 1 0.1 on token 1 and 0.1 on token 4 (score 0.1)
        float[][][] query = {{{0, 0.3f, 0, 0, 0, 0.2f, 0.5f}, {0, 0, 0, 0, 1, 0, 0}},
                             {{0, 0, 0, 0, 0, 0.9f, 0.1f}, {0, 0.1f, 0, 0, 0.1f, 0, 0.8f}}};
        Map<String, List<Double>> scores = InductionScores.of(prompts, 2, heads, (layer, slice) -> {
            float[] w = new float[slice.batch() * heads * length * length];
            for (int h = 0; h < heads; h++) {
                System.arraycopy(query[layer][h], 0, w, ((h * length) + 6) * length, length); // sequence 0, row 6
                w[(((heads + h) * length) + 6) * length] = 1; // sequence 1 (never counted): all on token 0
            }
            return w;
        });
        assertThat(scores.keySet()).containsExactly("layer 1", "layer 2");
        assertThat(scores.get("layer 1").get(0)).isCloseTo(0.5, within(1e-6));
        assertThat(scores.get("layer 1").get(1)).isCloseTo(0.0, within(1e-6));
        assertThat(scores.get("layer 2").get(0)).isCloseTo(0.9, within(1e-6));
        assertThat(scores.get("layer 2").get(1)).isCloseTo(0.1, within(1e-6));
    }

    @Test
    void noScoresWhereNoScoredTokenOccurredBefore() {
        TokenBatch prompts = batch().slice(1, 2);
        assertThat(InductionScores.of(prompts, 1, 1, (layer, slice) -> new float[49])).isEmpty();
    }
}
