package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.Pool;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;

class TrainingPoolTest {
    private static final int DIMS = 3;
    private final PromptSampler sampler = new PromptSampler(new LinearRegression(DIMS), new Gaussian());

    @Test
    void aTaskPoolOfTwoGivesTwoDistinctFunctionsOverManyStepsAndFreshInputs() {
        TrainingPool pool = new TrainingPool(Pool.tasks(2), 5, sampler);
        Set<String> weights = new HashSet<>();
        Set<Float> firstInputs = new HashSet<>();
        for (long step = 1; step <= 20; step++) {
            PromptBatch b = sampler.sample(Seeds.derive(5, Seeds.Stream.TRAIN, step), 8, 6, DIMS, pool);
            for (int p = 0; p < b.batch(); p++) {
                weights.add(Arrays.toString(roundedWeights(b, p)));
                firstInputs.add(b.x(p, 0, 0));
            }
        }
        assertThat(weights).hasSize(2);
        assertThat(firstInputs).hasSize(160); // inputs stay fresh
    }

    @Test
    void theTrainingTasksStrategyEvaluatesOnThePoolsFunctionsWithFreshInputs() {
        var pooled = org.iclab.Iclab.experiment("pooled").seed(5).task(new LinearRegression(DIMS)).prompt(org.iclab.Iclab.interleaved(6))
                .model(org.iclab.Iclab.gpt2(m -> m.layers(1).heads(1).embed(8).positions(8)))
                .train(t -> t.pool(Pool.tasks(2))).evaluate(e -> e.prompts(40).strategies(org.iclab.Iclab.trainingTasks())).build();
        PromptBatch trained = sampler.sample(Seeds.derive(5, Seeds.Stream.TRAIN, 1), 8, 6, DIMS, new TrainingPool(Pool.tasks(2), 5, sampler));
        Set<String> poolWeights = new HashSet<>();
        for (int p = 0; p < trained.batch(); p++) {
            poolWeights.add(Arrays.toString(roundedWeights(trained, p)));
        }
        PromptBatch evaluated = EvaluationPrompts.draw(pooled, org.iclab.Iclab.trainingTasks()).prompts();
        Set<String> evaluatedWeights = new HashSet<>();
        for (int p = 0; p < evaluated.batch(); p++) {
            evaluatedWeights.add(Arrays.toString(roundedWeights(evaluated, p)));
        }
        assertThat(evaluatedWeights).hasSize(2).isEqualTo(poolWeights);
        // without a pool every function is a training function: the strategy's prompts are fresh ones
        var fresh = org.iclab.Iclab.experiment("fresh").seed(5).task(new LinearRegression(DIMS)).prompt(org.iclab.Iclab.interleaved(6))
                .model(org.iclab.Iclab.gpt2(m -> m.layers(1).heads(1).embed(8).positions(8)))
                .evaluate(e -> e.prompts(40).strategies(org.iclab.Iclab.trainingTasks())).build();
        PromptBatch unpooled = EvaluationPrompts.draw(fresh, org.iclab.Iclab.trainingTasks()).prompts();
        Set<String> freshWeights = new HashSet<>();
        for (int p = 0; p < unpooled.batch(); p++) {
            freshWeights.add(Arrays.toString(roundedWeights(unpooled, p)));
        }
        assertThat(freshWeights).hasSize(40);
    }

    @Test
    void poolFunctionsDoNotDependOnTheStepOrTheCurriculum() {
        TrainingPool pool = new TrainingPool(Pool.tasks(1), 5, sampler);
        PromptBatch b = sampler.sample(11, 4, 6, 2, pool); // two active dims
        double[] w = weights(sampler.sample(12, 1, 6, DIMS, new TrainingPool(Pool.tasks(1), 5, sampler)), 0);
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 6; i++) {
                double expected = w[0] * b.x(p, i, 0) + w[1] * b.x(p, i, 1);
                assertThat(b.y(p, i)).isCloseTo((float) expected, org.assertj.core.api.Assertions.within(1e-3f));
                assertThat(b.x(p, i, 2)).isZero();
            }
        }
    }

    @Test
    void aPromptPoolRepeatsWholePromptsAndShorterPromptsArePrefixes() {
        TrainingPool pool = new TrainingPool(Pool.prompts(3), 9, sampler);
        Set<String> prompts = new HashSet<>();
        PromptBatch longer = null;
        for (long step = 1; step <= 10; step++) {
            PromptBatch b = sampler.sample(Seeds.derive(9, Seeds.Stream.TRAIN, step), 4, 5, DIMS, pool);
            for (int p = 0; p < b.batch(); p++) {
                prompts.add(Arrays.toString(Arrays.copyOfRange(b.xs(), p * 5 * DIMS, (p + 1) * 5 * DIMS))
                        + Arrays.toString(Arrays.copyOfRange(b.ys(), p * 5, (p + 1) * 5)));
            }
            longer = b;
        }
        assertThat(prompts).hasSize(3);
        // The same seed with fewer points and fewer active dims picks the same members: a prefix, truncated.
        PromptBatch shorter = sampler.sample(Seeds.derive(9, Seeds.Stream.TRAIN, 10), 4, 3, 2, pool);
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 3; i++) {
                assertThat(shorter.x(p, i, 0)).isEqualTo(longer.x(p, i, 0));
                assertThat(shorter.x(p, i, 1)).isEqualTo(longer.x(p, i, 1));
                assertThat(shorter.x(p, i, 2)).isZero();
            }
        }
    }

    @Test
    void aPromptPoolSmallerThanTheBatchIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> org.iclab.spec.TrainPlan.builder().batch(64).pool(Pool.prompts(10)).build(5, 11))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("pool.prompts").hasMessageContaining("at least the batch (64)").hasMessageContaining("10");
        assertThatThrownBy(() -> new Pool(-1, 0)).isInstanceOf(SpecException.class).hasMessageContaining("tasks");
    }

    /** {@link #weights} rounded to 1e-3, to compare as keys. */
    private static double[] roundedWeights(PromptBatch b, int p) {
        double[] w = weights(b, p);
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.round(w[i] * 1000) / 1000.0;
        }
        return w;
    }

    /** w of prompt p of b solved from its first DIMS points (independent of the sampler). */
    private static double[] weights(PromptBatch b, int p) {
        double[][] x = new double[DIMS][DIMS];
        double[] y = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            for (int j = 0; j < DIMS; j++) {
                x[i][j] = b.x(p, i, j);
            }
            y[i] = b.y(p, i);
        }
        return GaussJordan.solve(x, y);
    }
}
