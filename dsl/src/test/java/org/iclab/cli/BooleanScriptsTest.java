package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.Iclab;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.ExperimentScripts;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Boolean words from a script: the same experiments as from Java, and a run of one through the command line. */
class BooleanScriptsTest {
    @TempDir
    Path tmp;

    private static final String TINY_MODEL = "model gpt2 { layers 1; heads 1; embed 8; positions 16 }\n";

    @Test
    void everyBooleanWordDeclaresTheExperimentTheJavaFactoryDoes() {
        List<Task> java = List.of(Iclab.conjunction(6), Iclab.monotoneConjunction(6, 0.1), Iclab.disjunction(6), Iclab.sparseDisjunction(6, 3),
                Iclab.dnf(6, 2), Iclab.cnf(6, 4), Iclab.majority(6), Iclab.integerHalfspace(6), Iclab.sparseThreshold(6), Iclab.parity(6),
                Iclab.sparseParity(6, 3), Iclab.nearestNeighbor(6, 4), Iclab.teachConjunction(6, 0.05));
        List<String> words = List.of("conjunction(dims: 6)", "monotoneConjunction(dims: 6, labelNoise: 0.1)", "disjunction(6)",
                "sparseDisjunction(dims: 6, literals: 3)", "dnf(dims: 6, terms: 2)", "cnf { dims 6; clauses 4 }", "majority(dims: 6)",
                "integerHalfspace(dims: 6)", "sparseThreshold(dims: 6)", "parity(dims: 6)", "sparseParity(dims: 6, k: 3)",
                "nearestNeighbor(dims: 6, start: 4)", "teachConjunction(dims: 6) { labelNoise 0.05 }");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            script.append("experiment('b").append(i).append("') {\n task ").append(words.get(i)).append("\n prompt interleaved(points: 8)\n ")
                    .append(TINY_MODEL).append("}\n");
        }
        List<DeclaredExperiment> declared = ExperimentScripts.evaluate(script.toString(), "boolean.groovy");
        assertThat(declared).hasSize(words.size());
        for (int i = 0; i < words.size(); i++) {
            Experiment e = declared.get(i).experiment();
            assertThat(e.task()).as(words.get(i)).isEqualTo(java.get(i));
            assertThat(e.inputs()).isEqualTo(new Hypercube());
            assertThat(e.evaluate().baselines()).isEqualTo(java.get(i).defaultBaselines());
        }
    }

    @Test
    void aBooleanRunFromTheCommandLineScoresTheModelAndTheClassLearner() throws Exception {
        // a script named after a Java keyword still compiles (its class gets another name) and is reported by its file
        Path script = Files.writeString(tmp.resolve("boolean.groovy"), """
                experiment('conj') {
                    seed 2
                    task conjunction(dims: 5)
                    prompt interleaved(points: 8)
                """ + TINY_MODEL + """
                    train { steps 4; batch 8; logEvery 2 }
                    evaluate { prompts 32; resamples 20; baselines elimination(), gaussianElimination(), perceptron(epochs: 5) }
                }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run,
                "run", script.toString(), "--out", tmp.resolve("run").toString());
        assertThat(code).as("stderr: " + err).isZero();
        assertThat(out.toString().lines().map(l -> l.split("\\s+")[0]))
                .contains("class.", "model", "elimination", "gaussianElimination", "perceptron(epochs=5)");
        assertThat(Files.readString(tmp.resolve("run/eval.csv"))).contains("standard,elimination,7,", "standard,perceptron(epochs=5),7,");
        assertThat(Files.readString(tmp.resolve("run/eval.json"))).contains("\"accuracy\"");

        Files.writeString(script, "experiment('conj') {\n task conjunction(dims: 5)\n inputs gaussian()\n prompt interleaved(points: 8)\n"
                + TINY_MODEL + "}\n");
        StringWriter err2 = new StringWriter();
        int bad = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true), false, Iclab::run, "check", script.toString());
        assertThat(bad).isEqualTo(2);
        assertThat(err2.toString()).contains("boolean.groovy:1").contains("inputs must be hypercube() for a Boolean task");
    }
}
