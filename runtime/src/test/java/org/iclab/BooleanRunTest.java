package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.io.Json;
import org.iclab.spec.task.BooleanTask;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Hypercube;
import org.iclab.spec.model.Model;
import org.iclab.spec.SpecException;
import org.iclab.spec.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Boolean class trains and evaluates from Java (a few steps of a one-layer model), GPT-2, the LSTM and the GRU
 * read Boolean prompts, the class-specific learners do what they promise on their classes, and experiments that
 * put a Boolean class off the cube are refused.
 */
class BooleanRunTest {
    @TempDir
    Path tmp;

    static final List<BooleanTask> CLASSES = List.of(conjunction(5), monotoneConjunction(5), disjunction(5), sparseDisjunction(5, 2),
            dnf(5), cnf(5), majority(5), integerHalfspace(5), sparseThreshold(5), parity(5), sparseParity(5, 2),
            nearestNeighbor(5, 3), teachConjunction(5, 0.1));

    private static Experiment experiment(String name, Task task, Model model, int steps) {
        return Iclab.experiment(name).seed(3).task(task).prompt(interleaved(8)).model(model)
                .train(t -> t.steps(steps).batch(8).optimizer(adam(1e-3)).logEvery(steps).checkpointEvery(steps))
                .evaluate(e -> e.prompts(24).resamples(20)).build();
    }

    @Test
    void everyClassTrainsAndEvaluatesFromJava() throws Exception {
        Model tiny = gpt2(m -> m.layers(1).heads(1).embed(8).positions(16));
        for (BooleanTask task : CLASSES) {
            String word = org.iclab.spec.Registry.get().wordOf(task.getClass()).orElseThrow().name();
            Experiment spec = experiment(word, task, tiny, 2);
            assertThat(spec.inputs()).isEqualTo(new Hypercube());
            RunResult r = Iclab.run(spec, RunOptions.builder().out(tmp.resolve(word)).threads(2).build());
            assertThat(r.curves()).extracting(ErrorCurve::learner)
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("model"),
                            task.defaultBaselines().stream().map(org.iclab.spec.baseline.Baseline::learnerName)).toList());
            JsonNode rows = Json.MAPPER.readTree(r.directory().resolve("eval.json").toFile());
            for (JsonNode row : rows) {
                // a classification error is the share of the 24 held-out prompts whose sign is wrong: a whole count of them
                assertThat(wrongPrompts(row.get("error").asDouble())).as(word + " " + row).isCloseTo(Math.rint(wrongPrompts(row.get("error").asDouble())), within(1e-9));
                assertThat(row.get("accuracy").asDouble()).isEqualTo(1 - row.get("error").asDouble());
            }
            assertThat(Json.readExperiment(r.directory().resolve("spec.json"))).isEqualTo(spec);
            assertThat(Files.readString(r.directory().resolve("spec.json"))).contains("\"type\" : \"" + word + "\"", "\"type\" : \"hypercube\"");
        }
    }

    @Test
    void recurrentModelsReadBooleanPrompts() throws Exception {
        for (Model m : List.of(lstm(1, 8), gru(1, 8))) {
            RunResult r = Iclab.run(experiment("rnn", parity(4), m, 3),
                    RunOptions.builder().out(tmp.resolve(m.name())).threads(2).build());
            assertThat(r.training()).hasSize(1);
            assertThat(wrongPrompts(r.error("model", 7))).isCloseTo(Math.rint(wrongPrompts(r.error("model", 7))), within(1e-9));
        }
    }

    /** How many of the 24 held-out prompts an error stands for (a sign classifier's error is a share of them). */
    private static double wrongPrompts(double error) {
        return error * 24;
    }

    /** The class learners on 400 fresh prompts of their classes (no model: the stand-in predicts 0). */
    private static List<ErrorCurve> baselines(Task task, int points) {
        Experiment e = Iclab.experiment("b").task(task).prompt(interleaved(points)).model(gpt2("tiny"))
                .evaluate(v -> v.prompts(400).resamples(20)).build();
        return new Evaluator(e).evaluate(batch -> new float[batch.batch() * batch.points()]);
    }

    private static ErrorCurve curve(List<ErrorCurve> curves, String learner) {
        return curves.stream().filter(c -> c.learner().equals(learner)).findFirst().orElseThrow();
    }

    @Test
    void eachClassLearnerIsNearlyExactLateInItsPrompts() {
        // elimination on conjunctions and disjunctions of 8 coordinates: after 39 examples nearly every literal outside
        // the target has been eliminated
        assertThat(curve(baselines(conjunction(8), 40), "elimination").at(39)).isLessThan(0.03);
        assertThat(curve(baselines(disjunction(8), 40), "elimination(disjunction)").at(39)).isLessThan(0.03);
        // Gaussian elimination: at chance before the examples can span the cube, exact well after k = n
        ErrorCurve ge = curve(baselines(parity(8), 30), "gaussianElimination");
        assertThat(ge.at(3)).isGreaterThan(0.3);
        assertThat(ge.at(29)).isLessThan(0.01);
        // 1-NN generated the nearest-neighbour labels: exact after the random start
        ErrorCurve nn = curve(baselines(nearestNeighbor(8, 5), 20), "nearestNeighbors");
        for (int k = 5; k < 20; k++) {
            assertThat(nn.at(k)).isZero();
        }
        // the perceptron on majorities beats chance clearly by k = 39
        assertThat(curve(baselines(majority(8), 40), "perceptron").at(39)).isLessThan(0.2);
    }

    @Test
    void theGenericLearnersScoreBooleanPromptsByTheSignOfTheirPredictions() {
        Experiment e = Iclab.experiment("g").task(conjunction(6)).prompt(interleaved(24)).model(gpt2("tiny"))
                .evaluate(v -> v.prompts(40).resamples(20).baselines(nearestNeighbors(3), averaging(), leastSquares(), greedyTree(4),
                        gradientBoosting(20, 2, 0.3), gradientDescentNet(16, 30, 1e-2, 100)))
                .build();
        List<ErrorCurve> curves = new Evaluator(e).evaluate(batch -> new float[batch.batch() * batch.points()]);
        assertThat(curves).hasSize(7);
        for (ErrorCurve c : curves) {
            for (int k = 0; k < 24; k++) {
                double error = c.at(k);
                assertThat(error * 40).as(c.learner() + " at k = " + k + " is a 0/1 error over 40 prompts")
                        .isCloseTo(Math.rint(error * 40), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        // a depth-4 tree on a conjunction of about two literals is far better late in the prompt than at its start
        ErrorCurve tree = curve(curves, "greedyTree(4)");
        assertThat(tree.at(23)).isLessThan(tree.at(1));
    }

    @Test
    void booleanClassesRefuseInputsOffTheCubeAndStrategiesThatMoveThem() {
        assertThatThrownBy(() -> Iclab.experiment("x").task(conjunction(5)).inputs(gaussian()).prompt(interleaved(8)).model(gpt2("tiny")).build())
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("inputs must be hypercube() for a Boolean task").hasMessageContaining("gaussian");
        assertThatThrownBy(() -> Iclab.experiment("x").task(parity(5)).prompt(interleaved(8)).model(gpt2("tiny"))
                .evaluate(e -> e.strategies(standard(), scaledX(2))).build())
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("evaluate.strategies").hasMessageContaining("parity").hasMessageContaining("scaledX(2)");
        assertThatThrownBy(() -> conjunction(5, 0.5)).isInstanceOf(SpecException.class)
                .hasMessageContaining("task: labelNoise").hasMessageContaining("must be in [0, 0.5)").hasMessageContaining("0.5");
        assertThatThrownBy(() -> sparseParity(3, 4)).isInstanceOf(SpecException.class).hasMessageContaining("task: k must be in [1, dims]");
    }
}
