package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.engine.SavedModelPredictor;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryEndToEndTest {
    @TempDir
    static Path tmp;
    static RunResult result;

    static Experiment spec() {
        return experiment("e2e").seed(3)
                .task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(30).batch(8).optimizer(adam(1e-3)).logEvery(10).checkpointEvery(20))
                .evaluate(e -> e.prompts(40).resamples(50))
                .build();
    }

    @BeforeAll
    static void run() {
        result = Iclab.run(spec(), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
    }

    @Test
    void writesEveryFileOfTheRunDirectory() throws Exception {
        Path dir = result.directory();
        assertThat(dir).isEqualTo(tmp.resolve("run"));
        for (String f : List.of("spec.json", "env.json", "metrics.jsonl", "eval.csv", "eval.json",
                "checkpoint/latest/state.json", "checkpoint/last-good/state.json", "model/saved_model.pb")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(3);
        JsonNode last = Json.MAPPER.readTree(metrics.get(2));
        assertThat(last.get("step").asInt()).isEqualTo(30);
        assertThat(last.get("loss").isNumber()).isTrue();
        assertThat(last.get("steps_per_second").asDouble()).isPositive();
        assertThat(Json.MAPPER.readTree(dir.resolve("checkpoint/latest/state.json").toFile()).get("step").asInt()).isEqualTo(30);
        assertThat(Json.MAPPER.readTree(dir.resolve("checkpoint/last-good/state.json").toFile()).get("step").asInt()).isEqualTo(20);
        JsonNode env = Json.MAPPER.readTree(dir.resolve("env.json").toFile());
        assertThat(env.get("tensorflow").asText()).isEqualTo("2.16.1");
        assertThat(env.get("seed").asLong()).isEqualTo(3);
        assertThat(env.get("host_cores").asInt()).isPositive();
        assertThat(env.get("xla").asBoolean()).as("TensorFlow's executor by default").isFalse();
    }

    @Test
    void aRunStartedWithXlaIsResumedWithIt() throws Exception {
        // the resume asks for the default (the executor) but continues as env.json recorded, so the losses after the
        // checkpoint are XLA's, bit for bit, as in an uninterrupted run with XLA
        Experiment e = spec();
        RunResult whole = Iclab.run(e, RunOptions.builder().out(tmp.resolve("whole-xla")).threads(2).xla(true).build());
        assertThat(Json.MAPPER.readTree(whole.directory().resolve("env.json").toFile()).get("xla").asBoolean()).isTrue();
        Path partial = tmp.resolve("partial-xla");
        Iclab.run(e.toBuilder().train(e.train().toBuilder().steps(20).build(3, 5)).build(),
                RunOptions.builder().out(partial).threads(2).xla(true).build());
        Files.writeString(partial.resolve("spec.json"), Json.write(e));
        RunResult resumed = Iclab.resume(partial, RunOptions.builder().threads(2));
        assertThat(resumed.training()).extracting(l -> l.step()).containsExactly(30L);
        assertThat(resumed.training().get(0).loss()).isEqualTo(whole.training().get(2).loss());
        assertThat(org.iclab.report.RunDirectory.existing(partial).recordedXla()).contains(true);
    }

    @Test
    void evalCsvIsTidyWithEveryLearnerAtEveryK() throws Exception {
        List<String> lines = Files.readAllLines(result.directory().resolve("eval.csv"));
        assertThat(lines.get(0)).isEqualTo("strategy,learner,k,error,ci_low,ci_high");
        assertThat(lines).hasSize(1 + 4 * 5);
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct())
                .containsExactly("model", "leastSquares", "nearestNeighbors", "averaging");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f[0]).isEqualTo("standard");
            double error = Double.parseDouble(f[3]);
            assertThat(Double.parseDouble(f[4])).isLessThanOrEqualTo(error);
            assertThat(Double.parseDouble(f[5])).isGreaterThanOrEqualTo(error);
        }
        JsonNode json = Json.MAPPER.readTree(result.directory().resolve("eval.json").toFile());
        assertThat(json.size()).isEqualTo(20);
        assertThat(json.get(0).get("learner").asText()).isEqualTo("model");
        // Least squares is exact once k >= d on noiseless data.
        assertThat(result.error("leastSquares", 4)).isLessThan(1e-8);
    }

    @Test
    void specJsonLoadsBackToTheSameExperiment() {
        Experiment loaded = Iclab.load(result.directory().resolve("spec.json"));
        assertThat(loaded).isEqualTo(spec());
    }

    @Test
    void djlPredictsWhatTheTrainingSessionPredicts() {
        Experiment e = spec();
        PromptBatch prompts = new Evaluator(e).prompts().slice(0, 7);
        float[] expected;
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            new org.iclab.train.Checkpoints(result.directory().resolve("checkpoint")).restoreLatest(model);
            expected = model.predict(prompts);
        }
        try (SavedModelPredictor djl = SavedModelPredictor.load(result.directory().resolve("model"))) {
            float[] actual = djl.predict(prompts);
            assertThat(actual).hasSize(7 * 5);
            for (int i = 0; i < actual.length; i++) {
                assertThat(actual[i]).as("prediction " + i).isCloseTo(expected[i], within(1e-6f));
            }
        }
        // The exported model is the trained one, not the initial one.
        try (CompiledModel fresh = CompiledModel.compile(e, 2)) {
            assertThat(fresh.predict(prompts)).isNotEqualTo(expected);
        }
    }

    /**
     * What Python's {@code tf.saved_model.load(dir).signatures['serving_default']} needs of a graph-mode SavedModel:
     * the {@code serve} tag, a saver to restore the variables, and a predict signature whose tensors are nodes of the
     * graph. Read with TensorFlow's own protos, not through the exporter.
     */
    @Test
    void theSavedModelCarriesAServingSignatureThatPythonCanCall() throws Exception {
        var saved = org.tensorflow.proto.SavedModel.parseFrom(Files.readAllBytes(result.directory().resolve("model/saved_model.pb")));
        assertThat(saved.getMetaGraphsCount()).isEqualTo(1);
        var meta = saved.getMetaGraphs(0);
        assertThat(meta.getMetaInfoDef().getTagsList()).contains("serve");
        assertThat(meta.hasSaverDef()).isTrue();
        var signature = meta.getSignatureDefOrThrow("serving_default");
        assertThat(signature.getMethodName()).isEqualTo("tensorflow/serving/predict");
        assertThat(signature.getInputsMap().keySet()).containsExactlyInAnyOrder("xs", "ys");
        assertThat(signature.getOutputsMap().keySet()).containsExactly("pred");
        var nodes = meta.getGraphDef().getNodeList().stream().map(org.tensorflow.proto.NodeDef::getName).toList();
        for (var info : List.of(signature.getInputsOrThrow("xs"), signature.getInputsOrThrow("ys"), signature.getOutputsOrThrow("pred"))) {
            assertThat(info.getDtype()).isEqualTo(org.tensorflow.proto.DataType.DT_FLOAT);
            assertThat(nodes).contains(info.getName().replaceFirst(":\\d+$", ""));
        }
        assertThat(signature.getInputsOrThrow("xs").getTensorShape().getDimCount()).isEqualTo(3); // [prompts, points, dims]
        assertThat(result.directory().resolve("model/variables/variables.index")).isRegularFile();
    }

    /** examples.json holds inputs as the signature takes them and the outputs the exported model gives for them. */
    @Test
    void examplesJsonHoldsWhatTheExportedModelAnswers() throws Exception {
        JsonNode examples = Json.MAPPER.readTree(result.directory().resolve("examples.json").toFile());
        JsonNode xs = examples.get("inputs").get("xs");
        JsonNode ys = examples.get("inputs").get("ys");
        JsonNode pred = examples.get("outputs").get("pred");
        assertThat(xs.get("shape").toString()).isEqualTo("[4,5,3]");
        assertThat(pred.get("shape").toString()).isEqualTo("[4,5]");
        PromptBatch batch = new PromptBatch(4, 5, 3, floats(xs.get("values")), floats(ys.get("values")));
        assertThat(batch.xs()).isEqualTo(new Evaluator(spec()).prompts().slice(0, 4).xs());
        try (SavedModelPredictor djl = SavedModelPredictor.load(result.directory().resolve("model"))) {
            float[] actual = djl.predict(batch);
            float[] stored = floats(pred.get("values"));
            for (int i = 0; i < stored.length; i++) {
                assertThat(actual[i]).as("prediction " + i).isCloseTo(stored[i], within(1e-6f));
            }
        }
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    @Test
    void resumingFromACheckpointReproducesTheUninterruptedLosses() throws Exception {
        Experiment e = spec();
        Path partial = tmp.resolve("partial");
        Experiment shorter = e.toBuilder().train(e.train().toBuilder().steps(20).build(3, 5)).build();
        Iclab.run(shorter, RunOptions.builder().out(partial).threads(2).build());
        // Pretend the 20-step run was the first part of the 30-step one.
        Files.writeString(partial.resolve("spec.json"), Json.write(e));
        String env = Files.readString(partial.resolve("env.json"));
        // As if the run had gone on past its last checkpoint (step 20), logged step 30 and been killed mid-line:
        // those lines are dropped, and step 30 is logged again, once.
        Path metrics = partial.resolve("metrics.jsonl");
        String logged20 = Files.readAllLines(metrics).get(1);
        Files.writeString(metrics, logged20.replace("\"step\":20", "\"step\":30") + "\n{\"step\":40,\"lo",
                java.nio.file.StandardOpenOption.APPEND);
        RunResult resumed = Iclab.resume(partial, RunOptions.builder().threads(2));
        assertThat(resumed.training()).extracting(l -> l.step()).containsExactly(30L);
        assertThat(resumed.training().get(0).loss()).isEqualTo(result.training().get(2).loss());
        assertThat(Files.readString(partial.resolve("env.json"))).as("env.json of the run's start").isEqualTo(env);
        List<String> lines = Files.readAllLines(metrics);
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(','))).containsExactly("{\"step\":10", "{\"step\":20", "{\"step\":30");
        assertThat(org.iclab.report.RunDirectory.existing(partial).trainingLogs().get(2).loss()).isEqualTo(result.training().get(2).loss());
    }

    @Test
    void refusesToWriteIntoAFolderThatHoldsARun() {
        assertThatThrownBy(() -> Iclab.run(spec(), RunOptions.builder().out(result.directory()).build()))
                .isInstanceOf(SpecException.class)
                .hasMessage("run: out must be a new or empty folder (iclab never overwrites a run), was " + result.directory());
    }
}
