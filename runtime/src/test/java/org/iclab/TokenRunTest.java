package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.eval.ErrorCurve;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;
import org.iclab.tokens.Copying;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token task run end to end through the facade: training, token error per position, files, the exported model. */
class TokenRunTest {
    @TempDir
    Path tmp;

    @Test
    void aGruRunOnATokenTaskWritesTheRunDirectory() throws Exception {
        Experiment spec = Experiment.builder("copy").seed(2).task(new Copying(6, 3)).model(Iclab.gru(1, 16))
                .train(t -> t.steps(60).batch(16).logEvery(20).checkpointEvery(30).optimizer(Iclab.adam(1e-2)))
                .evaluate(e -> e.prompts(64).resamples(50)).build();
        RunResult r = Iclab.run(spec, RunOptions.builder().out(tmp.resolve("run")).threads(1).build());
        assertThat(r.training()).hasSize(3);
        assertThat(r.training().get(2).loss()).isLessThan(r.training().get(0).loss());
        List<ErrorCurve> curves = r.curves();
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model");
        ErrorCurve model = curves.get(0);
        assertThat(model.points()).isEqualTo(7);
        // positions before the separator are never scored; the copy positions are, with errors in [0, 1]
        for (int t = 0; t < 3; t++) {
            assertThat(model.at(t)).isNaN();
        }
        for (int t = 3; t < 6; t++) {
            assertThat(model.at(t)).isBetween(0.0, 1.0);
            assertThat(model.ciLow()[t]).isLessThanOrEqualTo(model.at(t));
            assertThat(model.ciHigh()[t]).isGreaterThanOrEqualTo(model.at(t));
        }
        Path dir = r.directory();
        assertThat(Files.readString(dir.resolve("eval.csv"))).contains("standard,model,3,");
        String json = Files.readString(dir.resolve("eval.json"));
        assertThat(json).contains("\"accuracy\"", "\"cross_entropy\"", "\"perplexity\"").doesNotContain("NaN");
        double[] ce = model.beside().get("cross_entropy");
        double[] perplexity = model.beside().get("perplexity");
        for (int t = 3; t < 6; t++) {
            // a model no better than uniform over the 6 tokens would be at ln 6 = 1.79; this one is trained a little
            assertThat(ce[t]).isPositive().isLessThan(2.5);
            assertThat(perplexity[t]).isCloseTo(Math.exp(ce[t]), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(ce[0]).isNaN();
        assertThat(Json.readExperiment(dir.resolve("spec.json"))).isEqualTo(spec);
        assertThat(Files.readString(dir.resolve("spec.json"))).contains("\"type\" : \"copying\"", "\"type\" : \"tokens\"");
        assertThat(Files.isDirectory(dir.resolve("model"))).isTrue();
        assertThat(dir.resolve("plots/error-standard.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("plots/error-standard.svg"))).contains("position t").doesNotContain("k = dims");
    }
}
