package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/**
 * Capturing one layer of Garg et al.'s standard GPT-2 (12 layers, 256 wide) holds that layer only, at the
 * prediction tokens only: the capture asks the model for that layer's endpoint and nothing else, each answer is one
 * layer's [chunk, tokens, width], and what the capture keeps is prompts · points · width floats. (A bytes count, not
 * a timing or a heap reading: it is the array the probe keeps.)
 */
class LayerCaptureTest {
    @Test
    void oneLayerOfAStandardModelHoldsOnlyThatLayer() {
        Experiment e = Experiment.builder("capture").task(new LinearRegression(5)).prompt(new Interleaved(11))
                .model(Gpt2.preset("standard")).build();
        int prompts = 96;
        int points = 11;
        int width = 256;
        int tokens = 22;
        PromptBatch batch = PromptSampler.of(e).sample(5, prompts, points, 5);
        List<Integer> requested = new ArrayList<>();
        List<Integer> returned = new ArrayList<>();
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            assertThat(model.hiddenCount()).isEqualTo(13);
            LayerCapture.Source counting = (layer, b) -> {
                requested.add(layer);
                float[] states = model.hidden(layer, b);
                returned.add(states.length);
                return states;
            };
            LayerCapture capture = LayerCapture.capture(counting, 6, batch, model.width(), model.tokens(points),
                    k -> model.predictionToken(k, points));

            // two chunks (64 + 32 prompts), each asking for layer 6 alone and getting one layer's states back
            assertThat(requested).containsExactly(6, 6);
            assertThat(returned).containsExactly(64 * tokens * width, 32 * tokens * width);
            assertThat(capture.bytes()).isEqualTo((long) prompts * points * width * Float.BYTES);
            // 1.08 MB held, against 14.1 MB for every layer's states at every token of the same prompts
            long everything = (long) model.hiddenCount() * prompts * tokens * width * Float.BYTES;
            assertThat(capture.bytes() * 13).isLessThan(everything);

            // and it holds the right states: prompt 70 (the second chunk's 7th) at position k is token 2k of layer 6
            float[] direct = model.hidden(6, batch.slice(64, 96));
            for (int k : new int[] {0, 4, 10}) {
                double[] row = capture.at(k)[70];
                for (int j = 0; j < width; j += 37) {
                    assertThat(row[j]).isEqualTo(direct[(6 * tokens + model.predictionToken(k, points)) * width + j]);
                }
            }
        }
    }
}
