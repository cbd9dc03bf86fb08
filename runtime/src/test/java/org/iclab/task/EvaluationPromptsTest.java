package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.iclab.Iclab;
import org.iclab.eval.Evaluator;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import org.iclab.spec.strategy.Strategy;
import org.junit.jupiter.api.Test;

class EvaluationPromptsTest {
    static Experiment experiment(int dims, int points, int prompts, Inputs inputs) {
        return Experiment.builder("s").seed(5).task(new LinearRegression(dims)).inputs(inputs).prompt(new Interleaved(points))
                .model(Gpt2.preset("tiny")).evaluate(e -> e.prompts(prompts)).build();
    }

    static Experiment experiment(int dims, int points, int prompts) {
        return experiment(dims, points, prompts, new Gaussian());
    }

    @Test
    void standardPromptsAreTheEvaluationPromptsIclabAlwaysDrew() {
        Experiment e = experiment(4, 9, 30);
        PromptBatch expected = PromptSampler.of(e).sample(Seeds.derive(5, Seeds.Stream.EVAL, 0), 30, 9, 4);
        EvaluationPrompts standard = EvaluationPrompts.draw(e, Iclab.standard());
        assertThat(standard.queryDiffers()).isFalse();
        assertThat(standard.scoredPoints()).isEqualTo(9);
        assertThat(standard.prompts()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(new Evaluator(e).prompts()).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void eachStrategyHasASeedOfItsOwnThatNoOtherDeclarationMoves() {
        Set<Long> seeds = new HashSet<>();
        for (Strategy s : Iclab.all()) {
            seeds.add(EvaluationPrompts.seed(5, s));
        }
        assertThat(seeds).hasSize(Iclab.all().size());
        assertThat(EvaluationPrompts.seed(5, Iclab.standard())).isEqualTo(Seeds.derive(5, Seeds.Stream.EVAL, 0));
        // the seed depends on the label alone: scaledX(2) declared as 2.0 is the same strategy
        assertThat(EvaluationPrompts.seed(5, Iclab.scaledX(2.0))).isEqualTo(EvaluationPrompts.seed(5, Iclab.scaledX(2)))
                .isNotEqualTo(EvaluationPrompts.seed(6, Iclab.scaledX(2)));
    }

    @Test
    void halfSubspaceInputsSpanHalfTheDimensions() {
        Experiment e = experiment(6, 8, 20);
        EvaluationPrompts half = EvaluationPrompts.draw(e, Iclab.halfSubspace());
        assertThat(Spectra.rank(Spectra.inputs(half.prompts()), 1e-5)).isEqualTo(3);
        assertThat(Spectra.rank(Spectra.inputs(EvaluationPrompts.draw(e, Iclab.standard()).prompts()), 1e-5)).isEqualTo(6);
        assertOneLinearFunctionPerPrompt(half.prompts());
    }

    @Test
    void skewedCovarianceInputsHaveEigenvaluesFallingAsOneOverISquared() {
        int d = 4;
        PromptBatch b = EvaluationPrompts.draw(experiment(d, 10, 1500), Iclab.skewedCovariance()).prompts();
        double[] l = Spectra.secondMomentEigenvalues(Spectra.inputs(b));
        for (int i = 1; i < d; i++) {
            double ratio = l[i] / l[0];
            double expected = 1.0 / ((i + 1) * (i + 1));
            assertThat(ratio).as("eigenvalue " + (i + 1) + " / eigenvalue 1").isCloseTo(expected, within(0.15 * expected));
        }
    }

    @Test
    void scaledXMultipliesTheInputsAndTheirYFollow() {
        Experiment e = experiment(3, 6, 10);
        Strategy s = Iclab.scaledX(1.0 / 3);
        PromptBatch scaled = EvaluationPrompts.draw(e, s).prompts();
        // the same stream without the scaling: scaling draws nothing, so the inputs are the plain ones times 1/3
        PromptBatch plain = PromptSampler.of(e).sample(EvaluationPrompts.seed(5, s), 10, 6, 3);
        for (int i = 0; i < plain.xs().length; i++) {
            assertThat((double) scaled.xs()[i]).isCloseTo(plain.xs()[i] / 3.0, within(1e-6));
        }
        for (int i = 0; i < plain.ys().length; i++) {
            assertThat((double) scaled.ys()[i]).isCloseTo(plain.ys()[i] / 3.0, within(1e-5));
        }
    }

    @Test
    void scaledYMultipliesEveryYAndLeavesTheInputs() {
        Experiment e = experiment(3, 6, 10);
        Strategy s = Iclab.scaledY(3);
        PromptBatch scaled = EvaluationPrompts.draw(e, s).prompts();
        PromptBatch plain = PromptSampler.of(e).sample(EvaluationPrompts.seed(5, s), 10, 6, 3);
        assertThat(scaled.xs()).isEqualTo(plain.xs());
        for (int i = 0; i < plain.ys().length; i++) {
            assertThat((double) scaled.ys()[i]).isCloseTo(3.0 * plain.ys()[i], within(1e-5));
        }
    }

    @Test
    void noisyYHasResidualsOfVarianceSigmaSquared() {
        // Per prompt, least squares on 40 points in 3 dims leaves residuals with E[RSS] = sigma^2 (n - d).
        int d = 3;
        int n = 40;
        int prompts = 300;
        PromptBatch b = EvaluationPrompts.draw(experiment(d, n, prompts), Iclab.noisyY(0.5)).prompts();
        double rss = 0;
        for (int p = 0; p < prompts; p++) {
            double[][] xtx = new double[d][d];
            double[] xty = new double[d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    xty[a] += b.x(p, i, a) * b.y(p, i);
                    for (int c = 0; c < d; c++) {
                        xtx[a][c] += b.x(p, i, a) * b.x(p, i, c);
                    }
                }
            }
            double[] w = GaussJordan.solve(xtx, xty);
            for (int i = 0; i < n; i++) {
                double r = b.y(p, i);
                for (int a = 0; a < d; a++) {
                    r -= w[a] * b.x(p, i, a);
                }
                rss += r * r;
            }
        }
        assertThat(rss / (prompts * (n - d))).isCloseTo(0.25, within(0.02));
    }

    @Test
    void orthogonalQueriesAreOrthogonalToTheContextAndKeepTheNorm() {
        int d = 5;
        Experiment e = experiment(d, 9, 12);
        EvaluationPrompts o = EvaluationPrompts.draw(e, Iclab.orthogonalTrainTest());
        assertThat(o.queryDiffers()).isTrue();
        assertThat(o.scoredPoints()).as("k < d only").isEqualTo(d);
        PromptBatch c = o.prompts();
        for (int p = 0; p < 12; p++) {
            double[] w = weights(c, p, d);
            for (int k = 0; k < d; k++) {
                double qq = 0;
                double xx = 0;
                for (int j = 0; j < d; j++) {
                    qq += o.queryX(p, k, j) * o.queryX(p, k, j);
                    xx += c.x(p, k, j) * c.x(p, k, j);
                }
                assertThat(Math.sqrt(qq)).as("norm of query " + k).isCloseTo(Math.sqrt(xx), within(1e-5 * Math.sqrt(xx)));
                for (int i = 0; i < k; i++) {
                    double dot = 0;
                    double ii = 0;
                    for (int j = 0; j < d; j++) {
                        dot += o.queryX(p, k, j) * c.x(p, i, j);
                        ii += c.x(p, i, j) * c.x(p, i, j);
                    }
                    assertThat(dot / Math.sqrt(qq * ii)).as("cosine of query " + k + " with context " + i).isCloseTo(0, within(1e-5));
                }
                double y = 0;
                for (int j = 0; j < d; j++) {
                    y += w[j] * o.queryX(p, k, j);
                }
                assertThat((double) o.queryY(p, k)).as("the query's y is the prompt's function").isCloseTo(y, within(1e-3));
            }
        }
        assertThatThrownBy(() -> o.atQuery(d, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        // with lowRank inputs the span, and so the scored k, stops at the rank
        Experiment lowRank = experiment(d, 9, 3, new Gaussian(1, 0, Gaussian.LOW_RANK, 2));
        assertThat(EvaluationPrompts.draw(lowRank, Iclab.orthogonalTrainTest()).scoredPoints()).isEqualTo(2);
    }

    @Test
    void aQueryPromptIsTheContextBeforeKThenTheQuery() {
        EvaluationPrompts o = EvaluationPrompts.draw(experiment(3, 6, 5), Iclab.randomQuadrants());
        PromptBatch at = o.atQuery(4, 1, 3);
        assertThat(at.batch()).isEqualTo(2);
        assertThat(at.points()).isEqualTo(5);
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 4; i++) {
                assertThat(at.y(p, i)).isEqualTo(o.prompts().y(p + 1, i));
                for (int j = 0; j < 3; j++) {
                    assertThat(at.x(p, i, j)).isEqualTo(o.prompts().x(p + 1, i, j));
                }
            }
            assertThat(at.y(p, 4)).isEqualTo(o.queryY(p + 1, 4));
            for (int j = 0; j < 3; j++) {
                assertThat(at.x(p, 4, j)).isEqualTo(o.queryX(p + 1, 4, j));
            }
        }
        assertThatThrownBy(() -> EvaluationPrompts.draw(experiment(3, 6, 5), Iclab.standard()).atQuery(1, 0, 1))
                .hasMessage("standard scores the prompts as drawn; it has no separate queries");
    }

    @Test
    void overlappingQueriesRepeatAnEarlierContextInputAndItsY() {
        int points = 8;
        EvaluationPrompts o = EvaluationPrompts.draw(experiment(3, points, 200), Iclab.overlappingTrainTest());
        PromptBatch c = o.prompts();
        int[] chosen = new int[points];
        for (int p = 0; p < 200; p++) {
            for (int k = 0; k < points; k++) {
                int match = -1;
                for (int i = 0; i < Math.max(k, 1) && match < 0; i++) {
                    boolean same = true;
                    for (int j = 0; j < 3; j++) {
                        same &= o.queryX(p, k, j) == c.x(p, i, j);
                    }
                    match = same ? i : -1;
                }
                assertThat(match).as("prompt " + p + ", query " + k + " is an input before it").isGreaterThanOrEqualTo(0);
                assertThat(o.queryY(p, k)).isEqualTo(c.y(p, match));
                if (k == points - 1) {
                    chosen[match]++;
                }
            }
        }
        // uniform over 0..k-1: at k = 7 every earlier input is chosen about 200 / 7 times
        for (int i = 0; i < points - 1; i++) {
            assertThat(chosen[i]).as("times input " + i + " was chosen at k = 7").isBetween(10, 50);
        }
    }

    @Test
    void randomQuadrantsKeepTheContextInOneOrthantAndQueryPlainInputs() {
        int d = 4;
        EvaluationPrompts o = EvaluationPrompts.draw(experiment(d, 10, 50), Iclab.randomQuadrants());
        PromptBatch c = o.prompts();
        int agree = 0;
        int total = 0;
        for (int p = 0; p < 50; p++) {
            double[] w = weights(c, p, d);
            for (int j = 0; j < d; j++) {
                float sign = Math.signum(c.x(p, 0, j));
                for (int k = 0; k < 10; k++) {
                    assertThat(Math.signum(c.x(p, k, j))).as("prompt " + p + " input " + k + " coordinate " + j).isEqualTo(sign);
                    assertThat(Math.abs(o.queryX(p, k, j))).isEqualTo(Math.abs(c.x(p, k, j)));
                    agree += Math.signum(o.queryX(p, k, j)) == sign ? 1 : 0;
                    total++;
                }
            }
            for (int k = 0; k < 10; k++) {
                double y = 0;
                for (int j = 0; j < d; j++) {
                    y += w[j] * o.queryX(p, k, j);
                }
                assertThat((double) o.queryY(p, k)).isCloseTo(y, within(1e-3));
            }
        }
        // a plain input falls in the context's orthant coordinate by coordinate half of the time
        assertThat(agree / (double) total).isCloseTo(0.5, within(0.05));
    }

    @Test
    void oppositeQuadrantsQueryTheOppositeOrthant() {
        int d = 3;
        EvaluationPrompts o = EvaluationPrompts.draw(experiment(d, 6, 20), Iclab.oppositeQuadrants());
        PromptBatch c = o.prompts();
        for (int p = 0; p < 20; p++) {
            for (int j = 0; j < d; j++) {
                float sign = Math.signum(c.x(p, 0, j));
                for (int k = 0; k < 6; k++) {
                    assertThat(Math.signum(c.x(p, k, j))).isEqualTo(sign);
                    assertThat(Math.signum(o.queryX(p, k, j))).isEqualTo(-sign);
                    assertThat(o.queryX(p, k, j)).isEqualTo(-c.x(p, k, j));
                }
            }
            for (int k = 0; k < 6; k++) {
                assertThat(o.queryY(p, k)).as("a linear function at -x").isCloseTo(-c.y(p, k), within(1e-4f));
            }
        }
    }

    @Test
    void everyStrategyDrawsTheSamePromptsEachTime() {
        Experiment e = experiment(3, 5, 4);
        for (Strategy s : Iclab.all()) {
            EvaluationPrompts a = EvaluationPrompts.draw(e, s);
            EvaluationPrompts b = EvaluationPrompts.draw(e, s);
            assertThat(b.prompts()).as(s.label()).usingRecursiveComparison().isEqualTo(a.prompts());
            assertThat(a.queryDiffers()).as(s.label()).isEqualTo(s.queryDiffers());
        }
        assertThat(Iclab.all()).extracting(Strategy::label).containsExactly("standard", "halfSubspace", "skewedCovariance",
                "orthogonalTrainTest", "overlappingTrainTest", "randomQuadrants", "oppositeQuadrants", "scaledX(0.333)",
                "scaledX(0.5)", "scaledX(2)", "scaledX(3)", "scaledY(0.333)", "scaledY(0.5)", "scaledY(2)", "scaledY(3)", "noisyY(1)");
    }

    /** The prompt's w, recovered from its first d (independent) context inputs. */
    private static double[] weights(PromptBatch b, int p, int d) {
        double[][] x = new double[d][d];
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = b.x(p, i, j);
            }
            y[i] = b.y(p, i);
        }
        return GaussJordan.solve(x, y);
    }


    private static void assertOneLinearFunctionPerPrompt(PromptBatch b) {
        // inputs in a subspace do not determine w, but y must still be linear in x: y of a combination of inputs
        // is the combination of their y. Fit y on x by least squares over all points of a prompt: zero residual.
        int d = b.dims();
        for (int p = 0; p < b.batch(); p++) {
            double[][] xtx = new double[d][d];
            double[] xty = new double[d];
            for (int i = 0; i < b.points(); i++) {
                for (int a = 0; a < d; a++) {
                    xty[a] += b.x(p, i, a) * b.y(p, i);
                    for (int c = 0; c < d; c++) {
                        xtx[a][c] += b.x(p, i, a) * b.x(p, i, c);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                xtx[a][a] += 1e-9; // the subspace leaves X^T X singular; a whisker of ridge picks a solution
            }
            double[] w = GaussJordan.solve(xtx, xty);
            for (int i = 0; i < b.points(); i++) {
                double r = b.y(p, i);
                for (int a = 0; a < d; a++) {
                    r -= w[a] * b.x(p, i, a);
                }
                assertThat(r).isCloseTo(0, within(1e-3));
            }
        }
    }
}
