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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code iclab import garg} on fixtures written in the shape of Garg et al.'s {@code src/conf/*.yaml} (their keys,
 * inherit lists and values; the files are this project's own): each imports to the experiment of the matching
 * {@code scripts/garg2022} preset, and what cannot be mapped is an exit-2 error naming file, line and key.
 */
class GargImportTest {
    static final Path CONF = Path.of("src", "test", "resources", "garg", "conf");
    static final Path PRESETS = Path.of("..", "scripts", "garg2022");

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    private static Outcome iclab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"linear_regression, linear-regression", "sparse_linear_regression, sparse-linear-regression",
        "relu_2nn_regression, relu-network", "decision_tree, decision-tree", "toy, toy"})
    void eachConfigImportsToItsPreset(String config, String preset) throws Exception {
        Path script = tmp.resolve(config + ".groovy");
        Outcome o = iclab("import", "garg", CONF.resolve(config + ".yaml").toString(), "--out", script.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("wrote " + script);
        // inherited from base.yaml and wandb.yaml, or in the file itself: ignored, each with a note naming where
        assertThat(o.err()).contains("note: wandb (").contains("note: out_dir (" + CONF.resolve(config + ".yaml") + ":")
                .contains("note: training.keep_every_steps (");
        List<DeclaredExperiment> imported = ExperimentScripts.evaluate(script);
        Experiment expected = ExperimentScripts.evaluate(PRESETS.resolve(preset + ".groovy")).get(0).experiment();
        assertThat(imported).hasSize(1);
        Experiment actual = imported.get(0).experiment();
        assertThat(actual.name()).isEqualTo(config.replace('_', '-'));
        assertThat(actual.toBuilder().name(expected.name()).build()).isEqualTo(expected);
        // and ./iclab check accepts it
        assertThat(iclab("check", script.toString()).code()).isZero();
    }

    @Test
    void laterInheritedFilesAndTheFileItselfWin() throws Exception {
        Files.createDirectories(tmp.resolve("models"));
        Files.writeString(tmp.resolve("models/tiny.yaml"), "model: {family: gpt2, n_embd: 64, n_layer: 3, n_head: 2}\n");
        Files.writeString(tmp.resolve("first.yaml"), """
                model: {family: gpt2, n_embd: 256, n_layer: 12, n_head: 8, n_dims: 10, n_positions: 21}
                training:
                    task: linear_regression
                    task_kwargs: {}
                    learning_rate: 0.01
                    curriculum:
                        dims: {start: 10, end: 10, inc: 1, interval: 100}
                        points: {start: 5, end: 21, inc: 4, interval: 100}
                """);
        Files.writeString(tmp.resolve("mine.yaml"), """
                inherit: [first.yaml, models/tiny.yaml]
                training:
                    learning_rate: 0.0003
                    train_steps: 300
                    num_tasks: 16
                    num_training_examples: 256
                """);
        Outcome o = iclab("import", "garg", tmp.resolve("mine.yaml").toString(), "--name", "mine");
        assertThat(o.code()).as(o.err()).isZero();
        Experiment e = ExperimentScripts.evaluate(o.out(), "mine.groovy").get(0).experiment();
        assertThat(e.name()).isEqualTo("mine");
        assertThat(e.model()).isEqualTo(Iclab.gpt2(m -> m.layers(3).heads(2).embed(64).positions(21)));
        assertThat(e.train().steps()).isEqualTo(300);
        assertThat(e.train().optimizer()).isEqualTo(Iclab.adam(3e-4));
        assertThat(e.train().curriculum().points().start()).isEqualTo(5);
        assertThat(e.train().curriculum().points().by()).isEqualTo(4);
        assertThat(e.train().pool().tasks()).isEqualTo(16);
        assertThat(e.train().pool().prompts()).isEqualTo(256);
        assertThat(e.train().batch()).isEqualTo(64); // their schema's defaults where nothing is said
        assertThat(o.err()).isEmpty(); // nothing ignored
    }

    @Test
    void anLstmFamilyMapsToIclabsLstm() throws Exception {
        Files.writeString(tmp.resolve("lstm.yaml"), """
                model: {family: lstm, n_embd: 64, n_layer: 2, n_head: 1, n_dims: 5, n_positions: 11}
                training:
                    task: linear_classification
                    task_kwargs: {}
                    curriculum: {dims: {start: 5, end: 5, inc: 1, interval: 1}, points: {start: 11, end: 11, inc: 1, interval: 1}}
                """);
        Outcome o = iclab("import", "garg", tmp.resolve("lstm.yaml").toString());
        assertThat(o.code()).as(o.err()).isZero();
        Experiment e = ExperimentScripts.evaluate(o.out(), "lstm.groovy").get(0).experiment();
        assertThat(e.model()).isEqualTo(Iclab.lstm(2, 64));
        assertThat(e.task()).isEqualTo(Iclab.linearClassification(5));
        assertThat(o.err()).contains("note: model.n_head (").contains("an LSTM has no heads");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "training:\\n    optimizer: sgd|2|training.optimizer is not a key iclab can map (known here: batch_size, curriculum,",
        "training:\\n    task_kwargs: {depth: 3}|2|training.task_kwargs.depth is not an argument of linear_regression that iclab can map (known: scale)",
        "training:\\n    task: quadratic_regression|2|training.task must be one of decision_tree, linear_classification, linear_regression, relu_2nn_regression, sparse_linear_regression, was 'quadratic_regression'",
        "training:\\n    batch_size: lots|2|training.batch_size must be an integer, was 'lots'",
        "training:\\n    learning_rate: fast|2|training.learning_rate must be a number, was 'fast'",
        "model:\\n    family: mamba|2|model.family must be gpt2 or lstm, was 'mamba'",
        "extra: 1|1|extra is not a key iclab can map (known here: inherit, model, out_dir, test_run, training, wandb)"})
    void whatCannotBeMappedIsAnExit2ErrorNamingFileLineAndKey(String yaml, int line, String message) throws Exception {
        Path base = Files.writeString(tmp.resolve("base.yaml"), """
                model: {family: gpt2, n_embd: 64, n_layer: 3, n_head: 2, n_dims: 5, n_positions: 11}
                training:
                    task: linear_regression
                    task_kwargs: {}
                    curriculum: {dims: {start: 5, end: 5, inc: 1, interval: 1}, points: {start: 11, end: 11, inc: 1, interval: 1}}
                """);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "inherit: [base.yaml]\n" + yaml.replace("\\n", "\n") + "\n");
        Outcome o = iclab("import", "garg", bad.toString(), "--out", tmp.resolve("never.groovy").toString());
        assertThat(o.code()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err().trim()).startsWith(bad + ":" + (line + 1) + ": " + message);
        assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("never.groovy")).doesNotExist();
    }

    @Test
    void missingKeysCyclesAndRefusedSettingsAreExit2Errors() throws Exception {
        Path missing = Files.writeString(tmp.resolve("missing.yaml"), """
                model: {family: gpt2, n_embd: 64, n_layer: 3, n_head: 2, n_positions: 11}
                training:
                    task: linear_regression
                    task_kwargs: {}
                    curriculum: {dims: {start: 5, end: 5, inc: 1, interval: 1}, points: {start: 11, end: 11, inc: 1, interval: 1}}
                """);
        Outcome o = iclab("import", "garg", missing.toString());
        assertThat(o.code()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err().trim()).isEqualTo(missing + ": model.n_dims is required by Garg et al.'s schema and is missing (after following inherit)");

        Files.writeString(tmp.resolve("a.yaml"), "inherit: [b.yaml]\n");
        Files.writeString(tmp.resolve("b.yaml"), "inherit: [a.yaml]\n");
        o = iclab("import", "garg", tmp.resolve("a.yaml").toString());
        assertThat(o.code()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err()).contains("inherit: a cycle");

        Path broken = Files.writeString(tmp.resolve("broken.yaml"), "model: {family: gpt2\ntraining: [\n");
        o = iclab("import", "garg", broken.toString());
        assertThat(o.code()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err()).startsWith(broken + ": not valid YAML: ");

        // every key maps, but to settings iclab refuses: more points than positions
        Path tooLong = Files.writeString(tmp.resolve("long.yaml"), """
                model: {family: gpt2, n_embd: 64, n_layer: 3, n_head: 2, n_dims: 5, n_positions: 11}
                training:
                    task: linear_regression
                    task_kwargs: {}
                    curriculum: {dims: {start: 5, end: 5, inc: 1, interval: 1}, points: {start: 11, end: 21, inc: 2, interval: 10}}
                """);
        o = iclab("import", "garg", tooLong.toString());
        assertThat(o.code()).isEqualTo(Main.USER_ERROR);
        assertThat(o.err()).startsWith("iclab import garg: " + tooLong + " maps to settings iclab refuses:").contains("positions");
    }
}
