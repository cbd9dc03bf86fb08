package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.dsl.ExperimentScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iclab probe RUN_DIR SCRIPT} on a real (tiny, 20-step) run, and its user errors. */
class ProbeCommandTest {
    private static final String PROBES = """
                probes {
                    linear(target: weights())
                    readout()
                    alignment(with: newton(iterations: 1..4))
                    prompts 64; heldOut 32
                }
            """;

    @TempDir
    static Path tmp;
    static Path run;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void train() {
        run = tmp.resolve("run");
        Iclab.run(ExperimentScripts.evaluate(MainTest.TINY, "tiny.groovy").get(0).experiment().toBuilder()
                .train(t -> t.steps(20).batch(8).logEvery(10)).build(), RunOptions.builder().out(run).threads(1).build());
    }

    private int iclab(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
    }

    private Path script(String text) throws Exception {
        return Files.writeString(tmp.resolve("probes-" + Math.abs(text.hashCode()) + ".groovy"), text);
    }

    private static String withProbes(String experiment) {
        int end = experiment.lastIndexOf('}');
        return experiment.substring(0, end) + PROBES + "}\n";
    }

    @Test
    void probesASavedRunWithTheScriptsProbes() throws Exception {
        Path script = script(withProbes(MainTest.TINY));
        assertThat(iclab("probe", run.toString(), script.toString(), "--threads", "1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("R² by layer (mean over k)", "weights", "read-out error/dims k=4", "model's own error/dims at k=4",
                "best newton iterate by layer:", "probes: " + run.resolve("probes.csv"));
        assertThat(Files.readAllLines(run.resolve("probes.csv"))).anyMatch(l -> l.startsWith("alignment,newton(2),1,"));
        assertThat(run.resolve("plots/probes-alignment-newton.png")).isRegularFile();
    }

    @Test
    void aScriptForAnotherModelIsAUserError() throws Exception {
        Path script = script(withProbes(MainTest.TINY.replace("embed 16", "embed 32")));
        assertThat(iclab("probe", run.toString(), script.toString())).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString()).startsWith(script + ":1: experiment 'tiny' differs from the run in " + run + " in model: "
                + "gpt2(layers: 1, heads: 2, embed: 32, positions: 8, layerNorm: true, mlp: true, ngramHead: 0, embedDropout: 0.0, attentionDropout: 0.0, "
                + "residualDropout: 0.0) here, gpt2(layers: 1, heads: 2, embed: 16, positions: 8, layerNorm: true, mlp: true, ngramHead: 0, "
                + "embedDropout: 0.0, attentionDropout: 0.0, residualDropout: 0.0) in the run.");
    }

    @Test
    void whatIsNotThereIsAUserError() throws Exception {
        assertThat(iclab("probe", tmp.resolve("none").toString(), script(withProbes(MainTest.TINY)).toString())).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString()).contains("iclab probe: RUN_DIR must be a run directory holding spec.json");
        Path plain = script(MainTest.TINY);
        assertThat(iclab("probe", run.toString(), plain.toString())).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString()).contains(plain + ": declares no probes { } block");
    }
}
