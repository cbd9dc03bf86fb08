package org.iclab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loss that stops being finite. On this tiny model Adam diverges (NaN at step 4 or 5) from a learning rate of
 * 7e5 up, and trains (with huge but finite losses) at 5e5: so 2e6 needs two halvings. (The steps and rates are those
 * of the graph's arithmetic: they moved when LayerNorm and GELU got their own backward passes.)
 */
class DivergenceTest {
    @TempDir
    Path tmp;

    static Experiment spec(double lr, int checkpointEvery, String onDivergence, int rollbacks) {
        return experiment("diverging").seed(3)
                .task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(30).batch(8).optimizer(adam(lr)).logEvery(1).checkpointEvery(checkpointEvery)
                        .onDivergence(onDivergence).rollbacks(rollbacks))
                .evaluate(e -> e.prompts(16).resamples(20))
                .build();
    }

    @Test
    void stoppingSaysTheStepTheSettingAndThatNoCheckpointExists() {
        Path dir = tmp.resolve("run");
        assertThatThrownBy(() -> Iclab.run(spec(1e6, 10, "stop", 3), RunOptions.builder().out(dir).threads(1).build()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged at step 5: the loss is NaN, at a learning rate of 1000000.0. Set a smaller"
                        + " train.optimizer.lr, or train.onDivergence 'rollback'. No checkpoint was written before it (train.checkpointEvery 10)");
        assertThat(dir.resolve("checkpoint")).doesNotExist();
    }

    @Test
    void stoppingNamesTheLastCheckpointWhereOneExists() throws Exception {
        Path dir = tmp.resolve("run");
        assertThatThrownBy(() -> Iclab.run(spec(1e6, 1, "stop", 3), RunOptions.builder().out(dir).threads(1).build()))
                .hasMessageStartingWith("training diverged at step 5: the loss is NaN")
                .hasMessageEndingWith("The last checkpoint, of step 4 (loss " + loss(dir, 4) + "), is in " + dir.resolve("checkpoint/latest"));
    }

    @Test
    void rollingBackHalvesTheRateUntilTrainingGoesOnAndRecordsEachRollback() throws Exception {
        Path dir = tmp.resolve("run");
        Iclab.run(spec(2e6, 10, "rollback", 3), RunOptions.builder().out(dir).threads(1).build());
        List<JsonNode> rollbacks = new ArrayList<>();
        Map<Long, Double> losses = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("rollback")) {
                rollbacks.add(n);
            } else {
                assertThat(losses.put(n.get("step").asLong(), n.get("loss").asDouble())).as("step " + n.get("step") + " once").isNull();
            }
        }
        assertThat(losses.keySet()).hasSize(30);
        assertThat(losses.values()).allMatch(Double::isFinite);
        assertThat(rollbacks).hasSize(2); // 2e6 and 1e6 diverge, 5e5 trains
        double scale = 1;
        for (int i = 0; i < rollbacks.size(); i++) {
            JsonNode r = rollbacks.get(i).get("rollback");
            scale /= 2;
            assertThat(r.get("lr_scale").asDouble()).isEqualTo(scale);
            assertThat(r.get("count").asInt()).isEqualTo(i + 1);
            assertThat(r.get("loss").asText()).isEqualTo("NaN");
            assertThat(r.get("step").asLong()).isZero(); // before the first checkpoint: back to the initial parameters
            assertThat(r.get("diverged_at").asLong()).isBetween(4L, 5L);
        }
        // the checkpoint carries the factor, so a resume goes on at the halved rate
        JsonNode state = Json.MAPPER.readTree(dir.resolve("checkpoint/latest/state.json").toFile());
        assertThat(state.get("lr_scale").asDouble()).isEqualTo(scale);

        // the same run, killed after its rollbacks and resumed, reaches the same losses
        Path killed = tmp.resolve("killed");
        TrainingListener kill = new TrainingListener() {
            @Override
            public void logged(TrainingLog log) {
                if (log.step() == 20) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Iclab.run(spec(2e6, 10, "rollback", 3), RunOptions.builder().out(killed).threads(1).listener(kill).build()))
                .hasMessage("killed");
        Iclab.resume(killed, RunOptions.builder().threads(1));
        assertThat(Files.readString(killed.resolve("eval.csv"))).isEqualTo(Files.readString(dir.resolve("eval.csv")));
        assertThat(lossesOf(killed)).isEqualTo(losses);
    }

    /**
     * After each rollback the run logs the rate its steps apply, not the declared one: 2e6 diverges, 1e6 diverges,
     * 5e5 trains, so every line of metrics.jsonl and every train/learning_rate in the event file is 5e5.
     */
    @Test
    void theLoggedLearningRateIsTheHalvedOneTheStepsUsed() throws Exception {
        Path dir = tmp.resolve("run");
        Iclab.run(spec(2e6, 10, "rollback", 3), RunOptions.builder().out(dir).threads(1).build());
        Map<Long, Double> rates = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("loss")) {
                rates.put(n.get("step").asLong(), n.get("lr").asDouble());
            }
        }
        assertThat(rates).hasSize(30);
        assertThat(rates.values()).containsOnly(2e6 / 4);
        Path events;
        try (var files = Files.list(dir)) {
            events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.") && !p.toString().endsWith(".final"))
                    .findFirst().orElseThrow();
        }
        Map<Long, Float> logged = new TreeMap<>();
        for (var r : org.iclab.report.TensorBoardEventsTest.read(events)) {
            if ("train/learning_rate".equals(r.tag())) {
                logged.put(r.step(), r.value());
            }
        }
        assertThat(logged.keySet()).containsAll(rates.keySet());
        for (long step : rates.keySet()) {
            assertThat(logged.get(step)).as("train/learning_rate at step " + step).isEqualTo((float) (2e6 / 4));
        }
    }

    @Test
    void rollingBackStopsAfterTheDeclaredNumberOfTimes() throws Exception {
        Path dir = tmp.resolve("run");
        assertThatThrownBy(() -> Iclab.run(spec(1e9, 10, "rollback", 2), RunOptions.builder().out(dir).threads(1).build()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged at step 4: the loss is NaN after 2 rollbacks (train.rollbacks 2), at a learning rate of"
                        + " 2.5E8. Set a smaller train.optimizer.lr. No checkpoint was written before it (train.checkpointEvery 10)");
        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"rollback\""))).hasSize(2);
    }

    @Test
    void anUnknownActionIsASettingError() {
        assertThatThrownBy(() -> spec(1e-3, 10, "retry", 3)).isInstanceOf(SpecException.class)
                .hasMessageContaining("train: onDivergence must be one of [stop, rollback], was 'retry'");
        assertThatThrownBy(() -> spec(1e-3, 10, "rollback", 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("train: rollbacks must be >= 1");
    }

    private static Map<Long, Double> lossesOf(Path dir) throws Exception {
        Map<Long, Double> losses = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("loss")) {
                assertThat(losses.put(n.get("step").asLong(), n.get("loss").asDouble())).isNull();
            }
        }
        return losses;
    }

    private static double loss(Path dir, long step) throws Exception {
        return Json.MAPPER.readTree(dir.resolve("checkpoint/latest/state.json").toFile()).get("loss").asDouble();
    }
}
