package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.task.EvaluationPrompts;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run with several evaluation strategies, through the real graph, evaluator and run directory. */
class StrategiesEndToEndTest {
    @TempDir
    static Path tmp;
    static RunResult result;

    static Experiment spec() {
        return experiment("strategies").seed(4)
                .task(linearRegression(3)).inputs(gaussian(1, 0, "skewed")).prompt(interleaved(5))
                .model(gpt2(m -> m.layers(1).heads(2).embed(16).positions(8)))
                .train(t -> t.steps(4).batch(8).logEvery(2).checkpointEvery(4))
                .evaluate(e -> e.prompts(12).resamples(20).strategies(standard(), orthogonalTrainTest(), scaledX(1.0 / 3),
                        noisyY(0.5), overlappingTrainTest(), halfSubspace()))
                .build();
    }

    @BeforeAll
    static void run() {
        result = Iclab.run(spec(), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
    }

    @Test
    void evalCsvHoldsOneRowGroupPerStrategyForTheModelAndEveryBaseline() throws Exception {
        List<String> lines = Files.readAllLines(result.directory().resolve("eval.csv"));
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String group = f[0] + " " + f[1];
            assertThat(Integer.parseInt(f[2])).as(group + " rows in k order").isEqualTo(rows.getOrDefault(group, 0));
            assertThat(Double.parseDouble(f[3])).as(line).isFinite();
            rows.merge(group, 1, Integer::sum);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String strategy : List.of("standard", "orthogonalTrainTest", "scaledX(0.333)", "noisyY(0.5)", "overlappingTrainTest", "halfSubspace")) {
            for (String learner : List.of("model", "leastSquares", "nearestNeighbors", "averaging")) {
                // orthogonal queries exist for k < d = 3 only
                expected.put(strategy + " " + learner, strategy.equals("orthogonalTrainTest") ? 3 : 5);
            }
        }
        assertThat(rows).containsExactlyEntriesOf(expected);
        // noiseless strategies are solved exactly by least squares once k >= d; noisy ones are not
        assertThat(result.error("scaledX(0.333)", "leastSquares", 4)).isLessThan(1e-8);
        assertThat(result.error("overlappingTrainTest", "leastSquares", 2)).isLessThan(1e-8);
        assertThat(result.error("noisyY(0.5)", "leastSquares", 4)).isGreaterThan(1e-4);
        assertThat(result.curve("model").strategy()).isEqualTo("standard");
    }

    @Test
    void everyStrategyHasItsPlots() {
        for (String stem : List.of("standard", "orthogonalTrainTest", "scaledX-0.333", "noisyY-0.5", "overlappingTrainTest", "halfSubspace")) {
            for (String file : List.of("error-" + stem + ".png", "error-" + stem + ".svg", "error-" + stem + "-log.png")) {
                assertThat(result.directory().resolve("plots").resolve(file)).as(file).isRegularFile();
            }
        }
    }

    @Test
    void specJsonLoadsBackWithItsStrategiesAndInputs() {
        assertThat(Iclab.load(result.directory().resolve("spec.json"))).isEqualTo(spec());
    }

    @Test
    void aQueryPromptCutAfterTheQueryGetsTheModelsPredictionOfTheWholePrompt() {
        // The evaluator runs the model on prompts that end at the query; a causal model must predict there what it
        // predicts with any inputs after the query.
        Experiment e = spec();
        EvaluationPrompts prompts = EvaluationPrompts.draw(e, overlappingTrainTest());
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            for (int k = 0; k < 5; k++) {
                PromptBatch cut = prompts.atQuery(k, 0, 12);
                PromptBatch whole = prompts.prompts(); // the context prompts, with the query put in at k
                float[] xs = whole.xs().clone();
                float[] ys = whole.ys().clone();
                for (int p = 0; p < 12; p++) {
                    for (int j = 0; j < 3; j++) {
                        xs[(p * 5 + k) * 3 + j] = cut.x(p, k, j);
                    }
                    ys[p * 5 + k] = cut.y(p, k);
                }
                float[] full = model.predict(new PromptBatch(12, 5, 3, xs, ys));
                float[] part = model.predict(cut);
                for (int p = 0; p < 12; p++) {
                    assertThat(part[p * (k + 1) + k]).as("prompt " + p + ", k = " + k).isCloseTo(full[p * 5 + k], within(1e-5f));
                }
            }
        }
    }
}
