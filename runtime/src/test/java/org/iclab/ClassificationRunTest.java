package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.engine.SavedModelPredictor;
import org.iclab.eval.Evaluator;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny linear-classification run end to end: logistic-loss training, sign scoring, accuracy in eval.json. */
class ClassificationRunTest {
    @TempDir
    Path tmp;

    @Test
    void runWritesAccuracyThatTheExportedModelsSignsReproduce() throws Exception {
        Experiment spec = experiment("lc").seed(4)
                .task(linearClassification(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(20).batch(8).optimizer(adam(1e-3)).logEvery(10).checkpointEvery(20))
                .evaluate(e -> e.prompts(40).resamples(50))
                .build();
        RunResult result = Iclab.run(spec, RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
        Path dir = result.directory();

        assertThat(Files.readAllLines(dir.resolve("eval.csv")).get(0)).isEqualTo("strategy,learner,k,error,ci_low,ci_high");
        JsonNode rows = Json.MAPPER.readTree(dir.resolve("eval.json").toFile());
        assertThat(rows.size()).isEqualTo(3 * 5); // model, nearestNeighbors and averaging (Garg's classification baselines)
        for (JsonNode row : rows) {
            double error = row.get("error").asDouble();
            assertThat(error * 40).as("a 0/1 error averaged over 40 prompts").isCloseTo(Math.rint(error * 40), within(1e-9));
            assertThat(row.get("accuracy").asDouble()).isCloseTo(1 - error, within(1e-12));
            assertThat(row.get("accuracy_ci_low").asDouble()).isCloseTo(1 - row.get("ci_high").asDouble(), within(1e-12));
            assertThat(row.get("accuracy_ci_high").asDouble()).isCloseTo(1 - row.get("ci_low").asDouble(), within(1e-12));
        }

        // The model's error at each k, recounted from the exported model's predictions: a wrong sign is an error.
        PromptBatch prompts = new Evaluator(spec).prompts();
        try (SavedModelPredictor model = SavedModelPredictor.load(dir.resolve("model"))) {
            float[] logits = model.predict(prompts);
            for (int k = 0; k < prompts.points(); k++) {
                int wrong = 0;
                for (int p = 0; p < prompts.batch(); p++) {
                    float label = logits[p * prompts.points() + k] >= 0 ? 1f : -1f;
                    wrong += label == prompts.y(p, k) ? 0 : 1;
                }
                assertThat(result.error("model", k)).as("k = " + k).isCloseTo(wrong / 40.0, within(1e-12));
            }
        }
        assertThat(Files.readString(dir.resolve("plots/error-standard.svg"))).contains("classification error (1 \u2212 accuracy)");
        // the logistic loss of near-zero logits is about log 2, far from what squared error on ±1 labels gives (~1)
        assertThat(Json.MAPPER.readTree(Files.readAllLines(dir.resolve("metrics.jsonl")).get(0)).get("loss").asDouble()).isBetween(0.3, 0.9);
    }
}
