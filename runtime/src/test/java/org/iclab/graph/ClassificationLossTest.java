package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearClassification;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/** Classification tasks train on the logistic loss of the model's output read as a logit. */
class ClassificationLossTest {
    static Experiment tiny(long seed, double lr) {
        return Experiment.builder("classification-test").seed(seed)
                .task(new LinearClassification(3))
                .prompt(new Interleaved(6))
                .model(new Gpt2(2, 2, 16, 8))
                .train(t -> t.steps(50).batch(16).optimizer(new Adam(lr)))
                .build();
    }

    /** Mean over every position of log(1 + e^(−y·z)), the logistic loss written independently of the graph's form. */
    private static double meanLogisticLoss(float[] logits, float[] ys) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += Math.log1p(Math.exp(-ys[i] * (double) logits[i]));
        }
        return sum / logits.length;
    }

    @Test
    void lossIsTheMeanLogisticLossOfThePredictionsAsLogits() {
        Experiment e = tiny(3, 1e-3);
        PromptBatch batch = PromptSampler.of(e).sample(11, 5, 6, 3);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            // logits far from 0 on both sides: scale the read-out so that the stable form's branches are all used
            Map<String, float[]> values = model.parameterValues();
            float[] readOut = values.get("read_out/w").clone();
            for (int i = 0; i < readOut.length; i++) {
                readOut[i] *= 40;
            }
            model.assign(Map.of("read_out/w", readOut));
            float[] logits = model.predict(batch);
            double largest = 0;
            for (float z : logits) {
                largest = Math.max(largest, Math.abs(z));
            }
            assertThat(largest).as("some logit should be large").isGreaterThan(5);
            double expected = meanLogisticLoss(logits, batch.ys());
            assertThat((double) model.loss(batch)).isCloseTo(expected, within(1e-5 * (1 + expected)));
        }
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        Experiment e = tiny(5, 1e-3);
        PromptBatch batch = PromptSampler.of(e).sample(12, 4, 6, 3);
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            // logits of a few units, both signs: every branch of the stable form carries gradient
            float[] readOut = model.parameterValues().get("read_out/w").clone();
            for (int i = 0; i < readOut.length; i++) {
                readOut[i] *= 10;
            }
            model.assign(Map.of("read_out/w", readOut));
            Map<String, float[]> grads = model.gradients(batch);
            for (String name : List.of("read_in/w", "h0/attn/c_attn/w", "h1/mlp/c_fc/w", "ln_f/g", "read_out/w", "read_out/b")) {
                assertThat(FiniteDifferences.assertMatches(model, batch, name, grads.get(name), 1e-2, 0.03, 1e-4))
                        .as(name + ": a gradient this test can tell from zero").isPositive();
            }
        }
    }

    @Test
    void adamLowersTheLossOnAFixedBatch() {
        Experiment e = tiny(1, 3e-3);
        PromptBatch batch = PromptSampler.of(e).sample(5, 16, 6, 3);
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            float before = model.loss(batch);
            for (int step = 1; step <= 40; step++) {
                model.trainStep(batch, step);
            }
            float after = model.loss(batch);
            // log 2 ≈ 0.69 is the loss of a logit of 0; 40 steps on one batch fit it well below that
            assertThat(before).isBetween(0.4f, 1.2f);
            assertThat(after).isLessThan(0.6f * before);
        }
    }
}
