package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.eval.EvaluationLog;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.spec.TrainPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train { evaluateEvery N }}: short evaluations during training, in metrics.jsonl and plots/dynamics.png. */
class DynamicsRunTest {
    @TempDir
    Path tmp;

    private static Experiment spec(int steps) {
        return experiment("dynamics").seed(4)
                .task(mixture(linearRegression(3), sparseLinearRegression(3, 1, 1.0))).prompt(interleaved(6))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(steps).batch(16).optimizer(adam(3e-3)).logEvery(10).evaluateEvery(20).evaluatePrompts(48))
                .evaluate(e -> e.prompts(48).resamples(50))
                .build();
    }

    @Test
    void evaluationsDuringTrainingGoToMetricsBesideTheTrainingLinesAndIntoTheDynamicsFigure() throws Exception {
        RunResult result = Iclab.run(spec(50), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
        Path dir = result.directory();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            lines.add(Json.MAPPER.readTree(line));
        }
        List<Integer> evaluated = lines.stream().filter(n -> n.has("mean_error")).map(n -> n.get("step").asInt()).toList();
        List<Integer> trained = lines.stream().filter(n -> n.has("loss")).map(n -> n.get("step").asInt()).toList();
        assertThat(evaluated).containsExactly(0, 20, 40, 50); // before training, every 20 steps, and at the last
        assertThat(trained).containsExactly(10, 20, 30, 40, 50);
        RunDirectory run = RunDirectory.existing(dir);
        assertThat(run.trainingLogs()).hasSize(5);
        List<EvaluationLog> evaluations = run.evaluationLogs();
        assertThat(evaluations).hasSize(4);
        EvaluationLog first = evaluations.get(0);
        EvaluationLog last = evaluations.get(3);
        assertThat(first.meanError().keySet()).containsExactlyInAnyOrder("standard", "component(0)", "component(1)");
        assertThat(first.error().get("standard")).hasSize(6).doesNotContainNull();
        assertThat(last.meanError().get("standard")).as("the model learns something in 50 steps")
                .isLessThan(first.meanError().get("standard"));
        assertThat(dir.resolve("plots/dynamics.png")).isRegularFile();
        assertThat(dir.resolve("plots/loss.png")).isRegularFile();
    }

    @Test
    void evaluationSettingsAreCheckedAndOldSpecsLoadWithoutThem() throws Exception {
        assertThatThrownBy(() -> spec(10).train().toBuilder().evaluateEvery(-1).build(3, 6))
                .isInstanceOf(SpecException.class).hasMessageContaining("train: evaluateEvery must be >= 0 (0 = no evaluations during training), was -1");
        assertThatThrownBy(() -> spec(10).train().toBuilder().evaluatePrompts(0).build(3, 6))
                .hasMessageContaining("train: evaluatePrompts must be > 0, was 0");
        String json = Json.line(spec(10).train()).replaceAll(",\"evaluateEvery\":20,\"evaluatePrompts\":48", "");
        assertThat(json).doesNotContain("evaluate");
        TrainPlan old = Json.MAPPER.readValue(json, TrainPlan.class);
        assertThat(old.evaluateEvery()).isZero();
        assertThat(old.evaluatePrompts()).isEqualTo(TrainPlan.DEFAULT_EVALUATE_PROMPTS);
    }
}
