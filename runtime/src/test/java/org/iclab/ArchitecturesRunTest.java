package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new architectures and formats through a whole run, and the combinations an experiment rejects. */
class ArchitecturesRunTest {
    @TempDir
    Path tmp;

    @Test
    void aLoopedRunOnStackedPromptsWritesModelJsonAndCurvesForEveryLoopCount() throws Exception {
        Experiment spec = experiment("looped").seed(3)
                .task(linearRegression(3)).prompt(stacked(5))
                .model(looped(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)), 3, 2, "add"))
                .train(t -> t.steps(12).batch(8).optimizer(adam(1e-3)).logEvery(6).checkpointEvery(12).curriculum(c -> c.loops(1, 3, 1, 4)))
                .evaluate(e -> e.prompts(16).resamples(20).baselines(leastSquares()).loops(1, 6))
                .build();
        RunResult result = Iclab.run(spec, RunOptions.builder().out(tmp.resolve("run")).threads(1).build());
        JsonNode model = Json.MAPPER.readTree(result.directory().resolve("model.json").toFile());
        assertThat(model.get("architecture").asText()).isEqualTo("looped");
        assertThat(model.get("prompt").asText()).isEqualTo("stacked");
        assertThat(model.get("parameters").asLong()).isEqualTo(result.parameterCount());
        assertThat(model.get("loops").asInt()).isEqualTo(3);
        assertThat(model.get("flops_per_token").asLong()).isPositive();
        assertThat(model.get("flops_per_prompt").asLong()).isEqualTo(model.get("flops_per_token").asLong() * 10);
        List<String> learners = new ArrayList<>();
        for (JsonNode row : Json.MAPPER.readTree(result.directory().resolve("eval.json").toFile())) {
            if (!learners.contains(row.get("learner").asText())) {
                learners.add(row.get("learner").asText());
            }
        }
        assertThat(learners).containsExactly("model", "model@1", "model@6", "leastSquares");
        assertThat(Json.readExperiment(result.directory().resolve("spec.json"))).isEqualTo(spec);
    }

    @Test
    void anLstmAndLinearAttentionRunEndToEnd() {
        for (var model : List.of(lstm(1, 8), gru(1, 8), linearAttention(1))) {
            Experiment spec = experiment("m-" + model.name()).task(linearRegression(3)).prompt(interleaved(5, true, false, null)).model(model)
                    .train(t -> t.steps(4).batch(4).logEvery(2).checkpointEvery(4))
                    .evaluate(e -> e.prompts(8).resamples(10).baselines(leastSquares())).build();
            RunResult r = Iclab.run(spec, RunOptions.builder().out(tmp.resolve(model.name())).threads(1).build());
            assertThat(Files.exists(r.directory().resolve("model.json"))).isTrue();
            assertThat(r.curves()).isNotEmpty();
        }
    }

    @Test
    void anUndeclaredLoopScheduleFollowsWhicheverModelTheExperimentHas() {
        Experiment gpt = experiment("x").task(linearRegression(3)).prompt(interleaved(5)).model(gpt2("tiny")).build();
        assertThat(gpt.train().curriculum().loops()).isNull();
        Experiment swapped = gpt.toBuilder().model(looped(gpt2("tiny"), 7)).build();
        assertThat(swapped.train().curriculum().loopsAt(0, 7)).isEqualTo(7);
        assertThat(Json.write(swapped)).doesNotContain("\"loops\" : null");
        assertThat(Json.readExperiment(Json.write(swapped), "spec.json")).isEqualTo(swapped);
    }

    @Test
    void combinationsAnArchitectureCannotReadAreRejectedWithTheRule() {
        assertThatThrownBy(() -> experiment("x").task(linearRegression(3)).prompt(stacked(5)).model(lstm(1, 8)).build())
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("experiment: prompt must be interleaved for an lstm");
        assertThatThrownBy(() -> experiment("x").task(linearRegression(3)).prompt(interleaved(5)).model(gpt2("tiny"))
                .train(t -> t.curriculum(c -> c.loops(1, 4))).build())
                .hasMessageContaining("train.curriculum.loops is only for a looped model (gpt2 has no loops), was 1..4");
        assertThatThrownBy(() -> experiment("x").task(linearRegression(3)).prompt(interleaved(5)).model(gpt2("tiny"))
                .evaluate(e -> e.loops(4)).build())
                .hasMessageContaining("evaluate.loops is only for a looped model");
        assertThatThrownBy(() -> experiment("x").task(linearRegression(3)).prompt(interleaved(5)).model(looped(gpt2("tiny"), 4))
                .train(t -> t.curriculum(c -> c.loops(1, 6))).build())
                .hasMessageContaining("train.curriculum.loops.end must be <= model.loops, was 6 > 4");
        assertThatThrownBy(() -> looped(gpt2("tiny"), 4, 5, "add")).hasMessageContaining("window must be in 1..loops (4), was 5");
        assertThatThrownBy(() -> interleaved(5, false, false, "rotary")).hasMessageContaining("positional must be one of [learned, none, sinusoidal], was 'rotary'");
        assertThatThrownBy(() -> experiment("x").task(linearRegression(4)).inputs(uniform(-0.5, 0.5)).prompt(interleaved(5)).model(gpt2("tiny"))
                .evaluate(e -> e.strategies(halfSubspace())).build())
                .hasMessageContaining("may hold halfSubspace or skewedCovariance only with gaussian inputs");
    }
}
