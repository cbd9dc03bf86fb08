package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.graph.CompiledModel;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.Layers;
import org.iclab.spec.Positions;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.ProbePlan;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes on a tiny compiled model: the read-out against the model's own, every probe kind end to end, and the files. */
class ProbesTest {
    @TempDir
    Path tmp;

    static Experiment tiny(java.util.function.Consumer<ProbePlan.Builder> probes) {
        return Experiment.builder("probe-test").seed(3)
                .task(new LinearRegression(3))
                .prompt(new Interleaved(6))
                .model(new Gpt2(2, 2, 16, 8))
                .train(t -> t.steps(1).batch(8))
                .evaluate(e -> e.resamples(200))
                .probes(probes)
                .build();
    }

    /**
     * Zeroes the last block's residual branches (both c_proj maps and biases), so that block 2 passes its input
     * through; and scales up the first block's attention output, which at initialisation is too small for the
     * context to matter (the prediction would be nearly a linear function of the embedded query alone).
     */
    private static void lastBlockIdentity(CompiledModel model) {
        Map<String, float[]> values = model.parameterValues();
        Map<String, float[]> changed = new HashMap<>();
        for (String name : List.of("h1/attn/c_proj/w", "h1/attn/c_proj/b", "h1/mlp/c_proj/w", "h1/mlp/c_proj/b")) {
            changed.put(name, new float[values.get(name).length]);
        }
        float[] attention = values.get("h0/attn/c_proj/w").clone();
        for (int i = 0; i < attention.length; i++) {
            attention[i] *= 100;
        }
        changed.put("h0/attn/c_proj/w", attention);
        model.assign(changed);
    }

    /**
     * The prompts with every y replaced by the model's own prediction of it. The prediction of y_k reads only the
     * tokens before y_k, so setting the y one position at a time leaves every earlier prediction as it was.
     */
    private static PromptBatch selfLabelled(CompiledModel model, PromptBatch batch) {
        float[] ys = batch.ys().clone();
        for (int k = 0; k < batch.points(); k++) {
            PromptBatch current = new PromptBatch(batch.batch(), batch.points(), batch.dims(), batch.xs(), ys);
            float[] pred = model.predict(current);
            for (int p = 0; p < batch.batch(); p++) {
                ys[p * batch.points() + k] = pred[p * batch.points() + k];
            }
        }
        return new PromptBatch(batch.batch(), batch.points(), batch.dims(), batch.xs(), ys);
    }

    @Test
    void theReadoutOfAnIdentityLastLayerReproducesTheModelsOwnReadout() {
        Experiment e = tiny(p -> p.readout().prompts(256).heldOut(128).penalty(1e-9));
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            lastBlockIdentity(model);
            ProbePrompts drawn = ProbePrompts.draw(e, e.probes());
            assertThat(model.hidden(2, drawn.heldOut())).containsExactly(model.hidden(1, drawn.heldOut()));
            // Targets the model's read-out produces exactly: its own error is 0, and a read-out refitted on the last
            // layer (and on layer 1, which the identity block copies) must find the same linear map.
            ProbePrompts own = new ProbePrompts(selfLabelled(model, drawn.fit()), selfLabelled(model, drawn.heldOut()), null, null);
            ProbeResults r = Probes.run(model, e, e.probes(), own);
            double yScale = 0;
            for (float y : own.heldOut().ys()) {
                yScale += (double) y * y / own.heldOut().ys().length / 3;
            }
            for (int k = 0; k < 6; k++) {
                assertThat(r.row(ProbeRow.MODEL, ProbeRow.Y, null, k).score()).isZero();
                double last = r.row(ProbeRow.READOUT, ProbeRow.Y, 2, k).score();
                assertThat(last).as("read-out error at layer 2, k " + k).isLessThan(1e-6 * yScale);
                assertThat(r.row(ProbeRow.READOUT, ProbeRow.Y, 1, k).score()).isEqualTo(last);
            }
            // the embedded input of token 2k holds x_k alone: the model's prediction from the context is beyond it
            double first = 0;
            for (int k = 1; k < 6; k++) {
                first += r.row(ProbeRow.READOUT, ProbeRow.Y, 0, k).score() / 5;
            }
            assertThat(first).isGreaterThan(1e-2 * yScale);
        }
    }

    @Test
    void everyProbeKindRunsAndWritesItsFiles() throws Exception {
        Experiment e = tiny(p -> p.linear(Iclab.weights()).linear(Iclab.weights(), Layers.all(), Positions.contextToken())
                .linear(Iclab.leastSquaresEstimate()).linear(Iclab.momentXy())
                .linear(Iclab.gradientDescentIterate(2)).control("weights", Iclab.constant()).control(Iclab.shuffled())
                .readout().alignment(Iclab.newton(4)).alignment(Iclab.gradientDescent(3)).attention(2)
                .prompts(200).heldOut(100));
        ProbeResults r;
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            r = Probes.run(model, e, e.probes());
            // attention rows are distributions over the tokens at or before the query
            ProbeResults.AttentionMaps maps = r.attention();
            assertThat(maps.weights()).hasSize(2);
            assertThat(maps.tokens()).isEqualTo(12);
            for (int q = 0; q < 12; q++) {
                double sum = 0;
                for (int key = 0; key < 12; key++) {
                    float w = maps.at(1, 1, 1, q, key);
                    if (key > q) {
                        assertThat(w).isZero();
                    }
                    sum += w;
                }
                assertThat(sum).isCloseTo(1, within(1e-5));
            }
        }
        // 5 probes (weights at both tokens), layers 0..2, k = 1..5
        assertThat(r.rows(ProbeRow.LINEAR)).hasSize(5 * 3 * 5);
        assertThat(r.rows(ProbeRow.LINEAR)).extracting(ProbeRow::target).contains("weights@context");
        // weights (at either token) gets both controls, the other targets the shuffled one
        assertThat(r.rows(ProbeRow.CONTROL)).hasSize((2 + 2 + 3) * 3 * 5);
        assertThat(r.row(ProbeRow.LINEAR, "weights@context", 2, 4).score()).isNotEqualTo(r.row(ProbeRow.LINEAR, "weights", 2, 4).score());
        assertThat(r.rows(ProbeRow.READOUT)).hasSize(3 * 6);
        assertThat(r.rows(ProbeRow.MODEL)).hasSize(6);
        assertThat(r.rows(ProbeRow.ALIGNMENT)).hasSize((4 + 3) * 3 * 5);
        assertThat(r.rows(ProbeRow.ITERATE)).hasSize((4 + 3) * 6);
        assertThat(r.rows()).allMatch(row -> Double.isFinite(row.score()), "finite scores");
        ProbeRow weights = r.row(ProbeRow.LINEAR, "weights", 1, 3);
        assertThat(weights.controls()).containsOnlyKeys("constant", "shuffled");
        assertThat(weights.controls().get("constant")).isLessThan(0.01);
        assertThat(weights.cosine()).isNotNull();
        // one step size per k for the 2-step target, one per step count and k for the alignment
        assertThat(r.steps()).hasSize(5 + 3 * 5);
        assertThat(r.layer(ProbeRow.LINEAR, "leastSquaresEstimate", 2).ks()).containsExactly(1, 2, 3, 4, 5);
        assertThat(r.alignments()).extracting(ProbeResults.Alignment::algorithm).containsExactly("newton", "gradientDescent");
        // an iterate's error at k = 0 is that of predicting 0; Newton's last iterate is least squares once k >= d
        assertThat(r.row(ProbeRow.ITERATE, "newton(4)", null, 5).score())
                .isLessThan(r.row(ProbeRow.ITERATE, "newton(4)", null, 1).score());

        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.writeProbes(e, r);
        List<String> csv = Files.readAllLines(dir.resolve(RunDirectory.PROBES_CSV));
        assertThat(csv.get(0)).isEqualTo("probe,target,layer,k,score,ci_low,ci_high");
        assertThat(csv).hasSize(1 + r.rows().size());
        assertThat(csv).anyMatch(l -> l.startsWith("linear,gradientDescentIterate(2),1,3,"))
                .anyMatch(l -> l.startsWith("control,weights/constant,0,1,")).anyMatch(l -> l.startsWith("model,y,,0,"))
                .anyMatch(l -> l.startsWith("alignment,newton(4),2,5,")).anyMatch(l -> l.startsWith("iterate,gradientDescent(3),,5,"));
        JsonNode json = Json.MAPPER.readTree(dir.resolve(RunDirectory.PROBES_JSON).toFile());
        assertThat(json.get("rows")).hasSize(r.rows().size());
        JsonNode first = json.get("rows").get(0);
        assertThat(first.get("probe").asText()).isEqualTo("linear");
        assertThat(first.get("selectivity").get("shuffled").asDouble())
                .isCloseTo(first.get("score").asDouble() - first.get("control").get("shuffled").asDouble(), within(1e-12));
        assertThat(json.at("/alignment/0/best")).hasSize(3);
        assertThat(json.at("/plan/probes/0/type").asText()).isEqualTo("linear");
        assertThat(Files.readAllLines(dir.resolve(RunDirectory.ATTENTION_CSV))).hasSize(1 + 2 * 2 * 2 * (12 * 13 / 2));
        for (String figure : List.of("probes-linear", "probes-readout", "probes-readout-log", "probes-alignment-newton",
                "probes-alignment-gradientDescent")) {
            assertThat(Files.readAllBytes(dir.resolve("plots").resolve(figure + ".png"))).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(dir.resolve("plots").resolve(figure + ".svg"))).contains("<svg");
        }
        assertThat(dir.resolve("plots/attention/prompt-1.png")).isRegularFile();
    }

    /**
     * Pooled probes on an untrained model of a representation task with a linear Φ: at the embedded input, Φ(x_k) is
     * a linear function of the query token 2k alone, so the pooled probe over tokens 0..2k must find that token and
     * read Φ from it, while the same probe up to the context token (0..2k − 1, which carry nothing of x_k) cannot.
     * Then the rows, controls, token weights and files of an MLP probe at every layer.
     */
    @Test
    void aPooledProbeFindsTheTokenThatCarriesItsTargetAndWritesItsRows() throws Exception {
        Experiment e = Experiment.builder("pooled-test").seed(3)
                .task(new org.iclab.spec.task.Representation(3, 1, 3, "linear", 0, 0))
                .prompt(new Interleaved(6))
                .model(new Gpt2(2, 2, 16, 8))
                .train(t -> t.steps(1).batch(8))
                .evaluate(ev -> ev.resamples(200))
                .probes(p -> p.pooled(new org.iclab.spec.probe.PooledProbe(Iclab.phi(), Layers.of(0), Positions.last(), 0, 600, 64, 1e-2))
                        .pooled(new org.iclab.spec.probe.PooledProbe(Iclab.phi(), Layers.of(0), Positions.contextToken(), 0, 600, 64, 1e-2))
                        .pooled(new org.iclab.spec.probe.PooledProbe(Iclab.phi(), Layers.all(), Positions.of(2, 4), 8, 100, 32, 1e-2))
                        .control(Iclab.shuffled())
                        .prompts(400).heldOut(200))
                .build();
        ProbeResults r;
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            r = Probes.run(model, e, e.probes());
        }
        for (int k = 1; k <= 5; k++) {
            assertThat(r.row("pooled", "phi", 0, k).score()).as("k %d", k).isGreaterThan(0.9);
            assertThat(r.row("pooled", "phi@context", 0, k).score()).as("k %d, context", k).isLessThan(0.1);
            // a probe as able, trained on the targets shuffled among the prompts, reads nothing
            assertThat(r.row("pooled", "phi", 0, k).controls().get("shuffled")).as("k %d, control", k).isLessThan(0.1);
            int at = k;
            ProbeResults.Pooling last = r.pooling().stream().filter(w -> w.probe().equals("pooled") && w.target().equals("phi")
                    && w.k() == at).findFirst().orElseThrow();
            assertThat(last.weights()).hasSize(2 * k + 1);
            assertThat(last.weights()[2 * k]).as("weight on the query token, k %d", k).isGreaterThan(0.5);
            assertThat(java.util.Arrays.stream(last.weights()).sum()).isCloseTo(1, within(1e-9));
            assertThat(r.pooling().stream().filter(w -> w.target().equals("phi@context") && w.k() == at).findFirst().orElseThrow()
                    .weights()).hasSize(2 * k);
        }
        // the MLP probe: layers 0..2 at k = 2 and 4, each with its shuffled control
        assertThat(r.rows("mlp")).hasSize(3 * 2);
        assertThat(r.row("mlp", "phi", 2, 4).controls()).containsOnlyKeys("shuffled");
        assertThat(r.rows(ProbeRow.CONTROL)).extracting(ProbeRow::target).contains("mlp:phi/shuffled", "pooled:phi@context/shuffled");
        assertThat(r.rows(ProbeRow.CONTROL)).hasSize(3 * 2 + 5 + 5);
        assertThat(r.layer("mlp", "phi", 1).ks()).containsExactly(2, 4);

        RunDirectory dir = RunDirectory.create(tmp.resolve("pooled"));
        dir.writeProbes(e, r);
        assertThat(Files.readAllLines(dir.resolve(RunDirectory.PROBES_CSV))).anyMatch(l -> l.startsWith("mlp,phi,1,2,"))
                .anyMatch(l -> l.startsWith("pooled,phi@context,0,3,"));
        JsonNode json = Json.MAPPER.readTree(dir.resolve(RunDirectory.PROBES_JSON).toFile());
        assertThat(json.get("pooling")).hasSize(5 + 5 + 3 * 2);
        assertThat(json.at("/pooling/0/token_weights")).hasSize(3);
        assertThat(Files.readString(dir.resolve("plots").resolve("probes-linear.svg"))).contains("mlp: phi");
    }
}
