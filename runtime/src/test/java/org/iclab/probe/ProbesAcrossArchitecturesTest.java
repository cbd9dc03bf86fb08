package org.iclab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.model.LinearAttention;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.model.Looped;
import org.iclab.spec.model.Lstm;
import org.iclab.spec.model.Model;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.prompt.Stacked;
import org.junit.jupiter.api.Test;

/** A probe is declared once and runs on every architecture and prompt format, reading the tokens each format predicts at. */
class ProbesAcrossArchitecturesTest {
    @Test
    void everyProbeKindRunsOnEveryArchitectureAndFormat() {
        List<Model> models = List.of(new Looped(new Gpt2(1, 2, 16, 8), 2), new LinearAttention(2), new Lstm(1, 8, 8));
        List<Prompt> prompts = List.of(new Interleaved(5, true, false, null), new Stacked(5));
        for (Model model : models) {
            for (Prompt prompt : prompts) {
                if (model instanceof Lstm && prompt instanceof Stacked) {
                    continue;
                }
                Experiment e = Experiment.builder("probe-arch").seed(1).task(new LinearRegression(3)).prompt(prompt).model(model)
                        .train(t -> t.steps(1).batch(4)).evaluate(v -> v.resamples(50))
                        .probes(p -> p.linear(Iclab.weights()).control(Iclab.shuffled()).readout().alignment(Iclab.newton(3))
                                .pooled(new org.iclab.spec.probe.PooledProbe(Iclab.leastSquaresEstimate(), org.iclab.spec.Layers.all(),
                                        org.iclab.spec.Positions.of(2, 4), 4, 20, 16, 1e-2))
                                .attention(1).prompts(120).heldOut(60))
                        .build();
                ProbeResults r;
                int layers;
                int attentionLayers;
                try (CompiledModel m = CompiledModel.compile(e, 1)) {
                    layers = m.hiddenCount();
                    attentionLayers = m.attentionLayers();
                    r = Probes.run(m, e, e.probes());
                }
                String label = model.name() + " " + prompt.name();
                assertThat(r.rows(ProbeRow.LINEAR)).as(label).hasSize(layers * 4); // k = 1..4
                assertThat(r.rows(ProbeRow.READOUT)).as(label).hasSize(layers * 5);
                assertThat(r.rows("mlp")).as(label).hasSize(layers * 2);
                // the tokens pooled at k are those up to the prediction token of k, 2k in both formats (x_{k+1}, or the query
                // [x_{k+1}; 0] after the examples [x_i; y_i] and earlier queries): 9 at k = 4
                assertThat(r.pooling()).as(label).filteredOn(w -> w.k() == 4).allMatch(w -> w.weights().length == 9);
                assertThat(r.rows()).as(label).allMatch(row -> Double.isFinite(row.score()));
                if (attentionLayers == 0) {
                    assertThat(r.attention()).as(label).isNull();
                } else {
                    assertThat(r.attention().weights()).as(label).hasSize(attentionLayers);
                }
            }
        }
    }
}
