package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.BurstyRunTest;
import org.iclab.spec.Experiment;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenSampler;
import org.junit.jupiter.api.Test;

/** A task of vector tokens (Reddy's bursty sequences): the model reads each token's vector in place of an id. */
class VectorTokensTest {
    @Test
    void theModelReadsTheVectorsAndItsGradientsReachTheReadIn() {
        Experiment e = BurstyRunTest.spec(1);
        TokenBatch batch = new TokenSampler(BurstyRunTest.TASK).sample(3, 4, BurstyRunTest.TASK.length());
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            float[] before = m.logits(batch);
            float[] vectors = batch.vectors().clone();
            int content = (BurstyRunTest.TASK.query() + 1) * BurstyRunTest.TASK.tokenWidth() - 1; // the query's last content dimension, sequence 0
            vectors[content] += 1;
            float[] moved = m.logits(new TokenBatch(batch.batch(), batch.length(), batch.vocabulary(), batch.ids(), batch.targets(),
                    batch.mask(), null, batch.width(), vectors));
            int query = BurstyRunTest.TASK.query() * BurstyRunTest.TASK.vocabulary();
            assertThat(moved[query]).isNotEqualTo(before[query]); // the query's vector reaches its logits
            int[] otherIds = batch.ids().clone();
            otherIds[0] += 5;
            assertThat(m.logits(batch.withIds(otherIds))).isEqualTo(before); // the ids are never read
            Map<String, float[]> grads = m.gradients(batch);
            assertThat(grads.get("read_in/w")).hasSize(BurstyRunTest.TASK.tokenWidth() * 16);
            assertThat(FiniteDifferences.assertMatches(m, batch, "read_in/w", grads.get("read_in/w"), 1e-2, 0.05, 2e-3)).isPositive();
            assertThatThrownBy(() -> m.logits(new TokenBatch(1, BurstyRunTest.TASK.length(), BurstyRunTest.TASK.vocabulary(), new int[BurstyRunTest.TASK.length()],
                    new int[BurstyRunTest.TASK.length()], new float[BurstyRunTest.TASK.length()]))).hasMessageContaining("reads token vectors");
        }
    }

}
