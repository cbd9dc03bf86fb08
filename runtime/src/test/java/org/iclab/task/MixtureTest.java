package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.strategy.Component;
import org.iclab.spec.Experiment;
import org.iclab.spec.Interval;
import org.iclab.spec.task.Mixture;
import org.iclab.spec.SpecException;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.Task;
import org.junit.jupiter.api.Test;

/** Mixtures of function classes, their strategies (component, convex combination, outside) and sinusoids. */
class MixtureTest {
    private static final int D = 4;
    private static final Mixture DENSE_SPARSE = Iclab.mixture(List.of(Iclab.linearRegression(D), Iclab.sparseLinearRegression(D, 1, 1.0)),
            List.of(0.3, 0.7));

    private static Experiment experiment(Task task, Strategy... strategies) {
        return Iclab.experiment("m").seed(2).task(task).prompt(Iclab.interleaved(8)).model(Iclab.gpt2(b -> b.layers(1).heads(1).embed(8)))
                .train(t -> t.steps(1)).evaluate(e -> {
                    e.prompts(200);
                    if (strategies.length > 0) {
                        e.strategies(strategies);
                    }
                }).build();
    }

    private static int nonZeros(double[] w) {
        int n = 0;
        for (double v : w) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void eachPromptTakesOneComponentAtItsWeight() {
        PromptSampler sampler = new PromptSampler(DENSE_SPARSE, Iclab.gaussian());
        SplittableRandom rng = new SplittableRandom(4);
        int sparse = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            int nz = nonZeros(sampler.drawFunction(rng, D).weights());
            assertThat(nz).isIn(1, D);
            sparse += nz == 1 ? 1 : 0;
        }
        assertThat(sparse / (double) n).isCloseTo(0.7, within(0.015)); // 4.6 standard errors
    }

    @Test
    void aMixtureIsEvaluatedOnItsComponentsAndWithBayesUnlessToldOtherwise() {
        Experiment e = experiment(DENSE_SPARSE);
        assertThat(e.evaluate().strategies()).containsExactly(new Standard(), new Component(0), new Component(1));
        assertThat(e.evaluate().baselines()).contains(new Bayes(), Iclab.leastSquares(), Iclab.lasso(0.01));
        assertThat(e.task().errorScale()).isEqualTo(D);
    }

    @Test
    void componentPromptsComeFromThatComponentOnly() {
        var prompts = EvaluationStrategy.of(new Component(1)).draw(new Component(1), experiment(DENSE_SPARSE, new Component(1)), 7);
        PromptBatch b = prompts.prompts();
        for (int p = 0; p < b.batch(); p++) {
            double[] w = leastSquares(b, p);
            assertThat(nonZeros(round(w))).as("prompt %d: w = %s", p, java.util.Arrays.toString(w)).isEqualTo(1);
        }
    }

    @Test
    void aConvexCombinationMixesTheTwoComponentsFunctions() {
        for (double a : new double[] {0, 0.5, 1}) {
            var strategy = Iclab.convexCombination(a);
            PromptBatch b = EvaluationStrategy.of(strategy).draw(strategy, experiment(DENSE_SPARSE, strategy), 7).prompts();
            for (int p = 0; p < 20; p++) {
                int nz = nonZeros(round(leastSquares(b, p)));
                assertThat(nz).as("a = %s, prompt %d", a, p).isEqualTo(a == 0 ? 1 : D); // the sparse part alone only at a = 0
            }
        }
    }

    @Test
    void outsidePromptsComeFromTheOtherClassWithTheExperimentsInputs() {
        var strategy = Iclab.outside(Iclab.sinusoid(D, Interval.of(2), new Interval(4, 8)), "fast");
        assertThat(strategy.label()).isEqualTo("outside(fast)");
        assertThat(Iclab.outside(Iclab.sinusoid(D)).label()).isEqualTo("outside(sinusoid)");
        PromptBatch b = EvaluationStrategy.of(strategy).draw(strategy, experiment(DENSE_SPARSE, strategy), 7).prompts();
        double largest = 0;
        for (int p = 0; p < b.batch(); p++) {
            for (int j = 0; j < b.points(); j++) {
                largest = Math.max(largest, Math.abs(b.y(p, j)));
            }
        }
        assertThat(largest).isLessThanOrEqualTo(2.0 + 1e-6).isGreaterThan(1.5);
    }

    @Test
    void aSinusoidIsASineOfAProjectionWithDrawsInTheirIntervals() {
        var sine = Iclab.sinusoid(1, new Interval(0.5, 1), new Interval(3, 3));
        TaskFunction f = FunctionClass.of(sine).draw(sine, new SplittableRandom(1), 1);
        float[] x = new float[1];
        double[] ys = new double[400];
        double top = 0;
        for (int i = 0; i < ys.length; i++) {
            x[0] = (float) (i * 0.01);
            ys[i] = f.apply(x, 0);
            top = Math.max(top, Math.abs(ys[i]));
        }
        assertThat(top).isBetween(0.5, 1.0);
        // frequency 3: the function repeats after 2π/3
        x[0] = 0.3f;
        double y0 = f.apply(x, 0);
        x[0] = (float) (0.3 + 2 * Math.PI / 3);
        assertThat(f.apply(x, 0)).isCloseTo(y0, within(1e-5));
    }

    @Test
    void badMixturesAndStrategiesNameTheSettingAndTheRule() {
        assertThatThrownBy(() -> Iclab.mixture(Iclab.linearRegression(3), Iclab.linearRegression(4)))
                .isInstanceOf(SpecException.class).hasMessageContaining("components must share one input dimension, was [3, 4]");
        assertThatThrownBy(() -> Iclab.mixture(List.of(Iclab.linearRegression(3), Iclab.linearRegression(3)), List.of(1.0)))
                .hasMessageContaining("weights must have one weight a component (2)");
        assertThatThrownBy(() -> Iclab.mixture(Iclab.linearRegression(3), Iclab.conjunction(3)))
                .hasMessageContaining("components must share one loss");
        assertThatThrownBy(() -> Iclab.mixture(Iclab.linearRegression(3)))
                .hasMessageContaining("components must hold at least 2 function classes");
        assertThatThrownBy(() -> experiment(DENSE_SPARSE, new Component(2)))
                .hasMessageContaining("component(2) needs index < the mixture's 2 components");
        assertThatThrownBy(() -> experiment(Iclab.linearRegression(D), new Component(0)))
                .hasMessageContaining("component(0) is for a mixture task (task linearRegression)");
        assertThatThrownBy(() -> experiment(DENSE_SPARSE, Iclab.outside(Iclab.sinusoid(2))))
                .hasMessageContaining("outside(sinusoid) needs its task's dims to be the experiment's (2 != 4)");
        assertThatThrownBy(() -> new Interval(2, 1)).hasMessageContaining("max must be >= min");
    }

    @Test
    void mixturesAndTheirStrategiesLoadBackFromSpecJson() {
        Experiment e = experiment(DENSE_SPARSE, new Standard(), new Component(0), Iclab.convexCombination(0.25, 1, 0),
                Iclab.outside(Iclab.sinusoid(D, new Interval(0.5, 1), new Interval(4, 8)), "fast"));
        String json = Json.write(e);
        assertThat(Json.readExperiment(json, "spec.json")).as(json).isEqualTo(e);
    }

    /** Least squares on the whole prompt (8 points, d = 4): the function's weights, exactly for a noiseless linear one. */
    private static double[] leastSquares(PromptBatch b, int p) {
        int n = b.points();
        double[][] a = new double[D][D];
        double[] rhs = new double[D];
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < D; r++) {
                for (int c = 0; c < D; c++) {
                    a[r][c] += b.x(p, j, r) * b.x(p, j, c);
                }
                rhs[r] += b.x(p, j, r) * b.y(p, j);
            }
        }
        return GaussJordan.solve(a, rhs);
    }

    private static double[] round(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Math.abs(w[i]) < 1e-3 ? 0 : w[i];
        }
        return out;
    }
}
