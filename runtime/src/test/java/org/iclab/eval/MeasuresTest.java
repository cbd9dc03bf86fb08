package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.spec.measure.IclScore;
import org.iclab.spec.measure.Induction;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures taken during training: the in-context-learning score on constructed losses, end to end on a Markov chain
 * (checked against the cross-entropy curve logged on the same line), and the rules for declaring measures.
 */
class MeasuresTest {
    @TempDir
    Path tmp;

    @Test
    void theIclScoreIsTheLateLossMinusTheEarlyOne() {
        // positions 0 and 1 unscored; 2..21 scored: the span is 19, the default early position 2 + round(19 · 50/512) = 4
        double[] ce = new double[22];
        ce[0] = Double.NaN;
        ce[1] = Double.NaN;
        for (int t = 2; t < ce.length; t++) {
            ce[t] = 3.0 - 0.1 * t;
        }
        assertThat(IclScoreMeasurement.of(new IclScore(), ce)).hasValueSatisfying(v -> assertThat(v).isCloseTo(ce[21] - ce[4], within(1e-15)));
        assertThat(IclScoreMeasurement.of(new IclScore(5, 10), ce)).hasValueSatisfying(v -> assertThat(v).isCloseTo(-0.5, within(1e-12)));
        assertThat(IclScoreMeasurement.of(new IclScore(0, 10), ce)).as("an unscored early position").isEmpty();
        assertThatThrownBy(() -> IclScoreMeasurement.of(new IclScore(2, 22), ce)).isInstanceOf(SpecException.class)
                .hasMessageContaining("late must be < the 22 positions evaluated");
        assertThatThrownBy(() -> new IclScore(5, 5)).isInstanceOf(SpecException.class).hasMessageContaining("late must be > early (5)");
        // a declared late before the default early is an error, not a silent gap
        assertThatThrownBy(() -> IclScoreMeasurement.of(new IclScore(null, 3), ce)).isInstanceOf(SpecException.class)
                .hasMessageContaining("early must be < late (3)");
    }

    private static Experiment markov(String model, org.iclab.spec.measure.Measure... measures) {
        return experiment("markov").seed(3).task(markovChain(3, 1, 1, 16))
                .model("gru".equals(model) ? gru(1, 16) : gpt2(m -> m.layers(1).heads(2).embed(16).positions(16)))
                .train(t -> {
                    t.steps(30).batch(16).optimizer(adam(3e-3)).logEvery(10).evaluateEvery(10).evaluatePrompts(32);
                    if (measures.length > 0) {
                        t.measures(measures);
                    }
                })
                .evaluate(e -> e.prompts(32).resamples(20))
                .build();
    }

    @Test
    void declaredMeasuresAreLoggedUnderTheirWordsWithTheirFigures() throws Exception {
        Path dir = tmp.resolve("run");
        Iclab.run(markov("gpt2", new Induction(), new IclScore()), RunOptions.builder().out(dir).threads(1).build());
        List<JsonNode> evaluations = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.has("mean_error")) {
                evaluations.add(n);
            }
        }
        assertThat(evaluations).hasSize(4); // steps 0, 10, 20, 30
        for (JsonNode n : evaluations) {
            // markovChain's error is the cross-entropy: the score is read off the same line's curve
            List<Double> ce = new ArrayList<>();
            n.get("error").get("standard").forEach(v -> ce.add(v.isNull() ? Double.NaN : v.asDouble()));
            int first = 0;
            while (Double.isNaN(ce.get(first))) {
                first++;
            }
            int last = ce.size() - 1;
            while (Double.isNaN(ce.get(last))) {
                last--;
            }
            int early = first + (int) Math.round((last - first) * 50.0 / 512);
            assertThat(n.get("iclScore").get("standard").get("score").asDouble()).as("step " + n.get("step"))
                    .isCloseTo(ce.get(last) - ce.get(early), within(1e-12));
            assertThat(n.get("induction").get("standard").fieldNames()).toIterable().containsExactly("L1H1", "L1H2");
        }
        assertThat(dir.resolve("plots/iclScore.png")).isRegularFile();
        assertThat(dir.resolve("plots/induction.png")).isRegularFile();
        String report = Files.readString(dir.resolve("report.html"));
        assertThat(report).contains("data-name=\"iclScore\"", "data-name=\"induction\"");
        String training = report.substring(report.indexOf("<section id=\"training\">"));
        assertThat(training.substring(0, training.indexOf("</section>"))).as("with the training figures")
                .contains("data-name=\"iclScore\"", "data-name=\"induction\"");
        Path events;
        try (var files = Files.list(dir)) {
            events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.") && !p.toString().endsWith(".final"))
                    .findFirst().orElseThrow();
        }
        assertThat(org.iclab.report.TensorBoardEventsTest.read(events)).extracting(org.iclab.report.TensorBoardEventsTest.Read::tag)
                .contains("iclScore/standard/score", "induction/standard/L1H1", "induction/standard/L1H2");
    }

    @Test
    void aMeasureThatCannotBeTakenIsRefusedWhenDeclaredAndLeftOutByDefault() throws Exception {
        assertThatThrownBy(() -> experiment("lr").task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(1).embed(8).positions(16)))
                .train(t -> t.steps(5).evaluateEvery(5).measures(new IclScore())).build())
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("train.measures iclScore needs a token task whose objective scores the cross-entropy (task linearRegression)");
        assertThatThrownBy(() -> experiment("no-evaluations").task(markovChain(3, 1, 1, 16)).model(gru(1, 8))
                .train(t -> t.steps(5).measures(new IclScore())).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("train: measures are taken at the evaluations during training");
        // the induction score needs attention: a GRU refuses it when declared, and leaves it out by default
        assertThatThrownBy(() -> Iclab.run(markov("gru", new Induction()), RunOptions.builder().out(tmp.resolve("declared")).threads(1).build()))
                .isInstanceOf(SpecException.class).hasMessageContaining("train: measures induction needs a model with attention layers");
        assertThat(tmp.resolve("declared/env.json")).as("refused before the run starts").doesNotExist();
        assertThat(tmp.resolve("declared/metrics.jsonl")).doesNotExist();
        Path byDefault = tmp.resolve("default");
        Experiment gru = markov("gru");
        assertThat(gru.train().measures()).isNull();
        assertThat(gru.train().measuresOrDefaults()).containsExactly(new Induction());
        Iclab.run(gru, RunOptions.builder().out(byDefault).threads(1).build());
        assertThat(Files.readString(byDefault.resolve("metrics.jsonl"))).contains("\"mean_error\"").doesNotContain("induction");
    }

    @Test
    void inductionScoresWrittenBeforeMeasuresReadBackAsSeries() throws Exception {
        EvaluationLog log = Json.MAPPER.readValue("{\"step\":40,\"error\":{\"standard\":[0.5,null]},\"mean_error\":{\"standard\":0.5},"
                + "\"induction\":{\"standard\":{\"layer 1\":[0.25,0.5],\"layer 2\":[0.75,null]}}}", EvaluationLog.class);
        assertThat(log.step()).isEqualTo(40);
        assertThat(log.error().get("standard")).containsExactly(0.5, null);
        var expected = new java.util.LinkedHashMap<String, Double>();
        expected.put("L1H1", 0.25);
        expected.put("L1H2", 0.5);
        expected.put("L2H1", 0.75);
        expected.put("L2H2", null);
        assertThat(log.measures().get("induction").get("standard")).containsExactlyEntriesOf(expected);
        assertThat(Json.MAPPER.readValue(Json.line(log), EvaluationLog.class)).isEqualTo(log);
    }
}
