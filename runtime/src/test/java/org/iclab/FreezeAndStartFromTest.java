package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import java.nio.file.Path;
import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.spec.TrainPlan;
import org.iclab.train.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train { from; freeze; fresh }} (Guo et al.'s pasting): a run starts from another run's parameters, frozen
 * parameters stay bit-identical through training (Adam with weight decay included), fresh ones are drawn anew.
 */
class FreezeAndStartFromTest {
    @TempDir
    Path tmp;

    private static Experiment spec(String name, java.util.function.Consumer<TrainPlan.Builder> more) {
        return experiment(name).seed(6).task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(2).heads(2).embed(16).positions(5)))
                .train(t -> {
                    t.steps(15).batch(8).optimizer(adam(1e-2, 0.9, 0.999, 1e-8)).logEvery(5).checkpointEvery(15);
                    more.accept(t);
                })
                .evaluate(e -> e.prompts(8).resamples(10)).build();
    }

    private static Map<String, float[]> latest(Path run, Experiment e) {
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            new Checkpoints(run.resolve("checkpoint")).restoreLatest(m);
            return m.parameterValues();
        }
    }

    @Test
    void aRunStartsFromAnotherRunsParametersAndTrainsOnlyWhatIsNotFrozen() {
        Experiment first = spec("first", t -> { });
        Iclab.run(first, RunOptions.builder().out(tmp.resolve("first")).threads(1).build());
        Map<String, float[]> trained = latest(tmp.resolve("first"), first);

        Experiment pasted = experiment("pasted").seed(7).task(linearRegression(3)).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(2).heads(2).embed(16).positions(5)))
                .train(t -> t.steps(15).batch(8).optimizer(new org.iclab.spec.optimizer.Adam(1e-2, 0.9, 0.999, 1e-8, 0.1, 0, "constant")).logEvery(5).checkpointEvery(15)
                        .from(tmp.resolve("first").toString()).freeze("h1/", "ln_f/", "read_out/").fresh("read_in/"))
                .evaluate(e -> e.prompts(8).resamples(10)).build();
        Iclab.run(pasted, RunOptions.builder().out(tmp.resolve("pasted")).threads(1).build());
        Map<String, float[]> after = latest(tmp.resolve("pasted"), pasted);
        Map<String, float[]> freshDraw;
        try (CompiledModel m = CompiledModel.compile(pasted, 1)) {
            freshDraw = m.parameterValues();
        }
        after.forEach((name, value) -> {
            if (name.startsWith("h1/") || name.startsWith("ln_f/") || name.startsWith("read_out/")) {
                assertThat(value).as("%s is frozen at the first run's value", name).containsExactly(trained.get(name));
            } else {
                assertThat(value).as("%s trains", name).isNotEqualTo(trained.get(name));
            }
        });
        // read_in/ started from the pasted run's own draw, not the first run's: one step of Adam moves each value by at most lr
        float[] readIn = after.get("read_in/w");
        float[] drawn = freshDraw.get("read_in/w");
        float[] firstRun = trained.get("read_in/w");
        double fromDraw = 0;
        double fromFirst = 0;
        for (int i = 0; i < readIn.length; i++) {
            fromDraw += Math.abs(readIn[i] - drawn[i]);
            fromFirst += Math.abs(readIn[i] - firstRun[i]);
        }
        assertThat(fromDraw).isLessThan(fromFirst);
    }

    @Test
    void badStartsAreNamed() {
        assertThatThrownBy(() -> Iclab.run(spec("x", t -> t.freeze("h9/")), RunOptions.builder().out(tmp.resolve("x")).threads(1).build()))
                .isInstanceOf(SpecException.class).hasMessageContaining("train: freeze must each start some parameter's name")
                .hasMessageContaining("'h9/'");
        assertThatThrownBy(() -> Iclab.run(spec("y", t -> t.from(tmp.resolve("nothing").toString())),
                RunOptions.builder().out(tmp.resolve("y")).threads(1).build()))
                .hasMessageContaining("train: from must be a run directory holding spec.json and a checkpoint");
        assertThatThrownBy(() -> spec("z", t -> t.fresh("read_in/"))).hasMessageContaining("train: fresh is only for a plan that starts from another run (from)");
    }
}
