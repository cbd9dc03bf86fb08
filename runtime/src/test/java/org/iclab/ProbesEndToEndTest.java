package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.probe.ProbeResults;
import org.iclab.probe.ProbeRow;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes after training in a run, and again later on the saved run ({@code Iclab.probe}), from the same checkpoint. */
class ProbesEndToEndTest {
    @TempDir
    Path tmp;

    /** With XLA too: the later probe reads the model as the run trained it (env.json), so its scores are the same bits. */
    @ParameterizedTest(name = "xla {0}")
    @ValueSource(booleans = {false, true})
    void aRunWritesItsProbesAndASavedRunCanBeProbedAgain(boolean xla) throws Exception {
        RunResult result = experiment("probed").seed(5)
                .task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(2).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(20).batch(8).logEvery(10).checkpointEvery(20))
                .evaluate(e -> e.prompts(32).resamples(50))
                .probes(p -> p.linear(weights()).readout().prompts(64).heldOut(32))
                .run(RunOptions.builder().out(tmp.resolve("run")).threads(1).xla(xla).build());
        Path dir = result.directory();
        for (String f : new String[] {"probes.csv", "probes.json", "plots/probes-linear.png", "plots/probes-readout.svg"}) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("spec.json"))).contains("\"probes\"");
        ProbeResults first = result.probes();
        assertThat(first.rows(ProbeRow.LINEAR)).hasSize(3 * 4);

        // later, with a different plan: the model comes back from the checkpoint, the files are replaced
        String spec = Files.readString(dir.resolve("spec.json"));
        var plan = org.iclab.spec.ProbePlan.builder();
        plan.linear(weights()).linear(momentXy()).readout().prompts(64).heldOut(32);
        ProbeResults again = Iclab.probe(dir, plan.build(), 1); // as many threads as the run: the same arithmetic
        assertThat(Files.readString(dir.resolve("spec.json"))).isEqualTo(spec);
        assertThat(again.row(ProbeRow.LINEAR, "weights", 2, 3).score()).isEqualTo(first.row(ProbeRow.LINEAR, "weights", 2, 3).score());
        assertThat(again.row(ProbeRow.READOUT, ProbeRow.Y, 1, 4).score()).isEqualTo(first.row(ProbeRow.READOUT, ProbeRow.Y, 1, 4).score());
        assertThat(Files.readAllLines(dir.resolve("probes.csv"))).anyMatch(l -> l.startsWith("linear,momentXy,"));

        assertThatThrownBy(() -> Iclab.probe(tmp.resolve("nothing"), p -> p.readout()))
                .isInstanceOf(SpecException.class).hasMessageContaining("probe: run must be a run directory holding spec.json");
        assertThatThrownBy(() -> Iclab.probe(dir, p -> p.readout(org.iclab.spec.Layers.of(5))))
                .isInstanceOf(SpecException.class).hasMessage("probes: layers must be <= model.layers (2; 0 is the embedded input), was [5]");
    }
}
