package org.iclab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.iclab.Iclab;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.NoisyLinearRegression;
import org.iclab.spec.Pool;
import org.iclab.spec.task.Task;
import org.iclab.task.Prior;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.TrainingPool;
import org.junit.jupiter.api.Test;

/**
 * {@code bayes()} on regression priors against Monte Carlo posterior means (prior draws weighted by their
 * likelihood), against ridge and least squares where those are the posterior mean, and against the dMMSE formula.
 */
class PosteriorMeanLearnerTest {
    private static final int DRAWS = 400_000;

    private static Experiment experiment(Task task, Pool pool) {
        return Iclab.experiment("bayes").seed(5).task(task).prompt(Iclab.interleaved(6))
                .model(Iclab.gpt2(b -> b.layers(1).heads(1).embed(8))).train(t -> t.steps(1).batch(64).pool(pool))
                .evaluate(e -> e.baselines(new Bayes())).build();
    }

    private static PromptBatch prompts(Task task, int count) {
        return new PromptSampler(task, Iclab.gaussian()).sample(17, count, 6, task.dims());
    }

    /**
     * Self-normalised importance sampling with the prior as proposal: Σ w_i f_i(x_k) / Σ w_i, w_i the likelihood of
     * the first k examples under draw i (noise sigma); a draw is a weight vector.
     */
    private static double monteCarlo(Function<SplittableRandom, double[]> prior, PromptBatch b, int p, int k, double sigma) {
        SplittableRandom rng = new SplittableRandom(99);
        double[] logW = new double[DRAWS];
        double[] pred = new double[DRAWS];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < DRAWS; i++) {
            double[] w = prior.apply(rng);
            double sse = 0;
            for (int j = 0; j < k; j++) {
                double r = b.y(p, j) - dot(w, b, p, j);
                sse += r * r;
            }
            logW[i] = -sse / (2 * sigma * sigma);
            pred[i] = dot(w, b, p, k);
            max = Math.max(max, logW[i]);
        }
        double total = 0;
        double mean = 0;
        for (int i = 0; i < DRAWS; i++) {
            double w = Math.exp(logW[i] - max);
            total += w;
            mean += w * pred[i];
        }
        return mean / total;
    }

    private static double dot(double[] w, PromptBatch b, int p, int j) {
        double s = 0;
        for (int c = 0; c < w.length; c++) {
            s += w[c] * b.x(p, j, c);
        }
        return s;
    }

    private static double[] dense(SplittableRandom rng, int d, double tau) {
        double[] w = new double[d];
        for (int c = 0; c < d; c++) {
            w[c] = tau * rng.nextGaussian();
        }
        return w;
    }

    private static double[] sparse(SplittableRandom rng, int d, double tau) {
        double[] w = new double[d];
        w[rng.nextInt(d)] = tau * rng.nextGaussian();
        return w;
    }

    @Test
    void gaussianRegressionIsRidgeWithNoiseOverPriorVarianceAndMatchesMonteCarlo() {
        NoisyLinearRegression task = new NoisyLinearRegression(2, 0.5);
        PromptBatch b = prompts(task, 3);
        Learner bayes = Learner.of(new Bayes(), experiment(task, Pool.NONE));
        Learner ridge = Learner.of(Iclab.ridge(0.25));
        for (int p = 0; p < 3; p++) {
            double[] mine = bayes.predictPrefixes(b, p);
            double[] theirs = ridge.predictPrefixes(b, p);
            for (int k = 1; k < 6; k++) {
                assertThat(mine[k]).as("prompt %d, k %d", p, k).isCloseTo(theirs[k], within(1e-9));
            }
            assertThat(mine[3]).isCloseTo(monteCarlo(rng -> dense(rng, 2, 1), b, p, 3, 0.5), within(0.02));
        }
    }

    @Test
    void aMixtureWeighsItsComponentsByTheirMarginalLikelihoodAsMonteCarloDoes() {
        // dense w ~ N(0, I) and 1-sparse w, both with noise 0.5, mixed 0.3 / 0.7
        List<Prior.Hypothesis> hypotheses = new ArrayList<>();
        hypotheses.add(new Prior.Gaussian(Math.log(0.3), new int[] {0, 1, 2}, 1, 0.5));
        for (int[] support : Prior.supports(3, 1)) {
            hypotheses.add(new Prior.Gaussian(Math.log(0.7 / 3), support, 1, 0.5));
        }
        Learner bayes = new PosteriorMeanLearner(Prior.of(0.5, hypotheses));
        PromptBatch b = prompts(new NoisyLinearRegression(3, 0.5), 3);
        for (int p = 0; p < 3; p++) {
            for (int k : new int[] {1, 2, 4}) {
                double mc = monteCarlo(rng -> rng.nextDouble() < 0.3 ? dense(rng, 3, 1) : sparse(rng, 3, 1), b, p, k, 0.5);
                assertThat(bayes.predictAt(b, p, k)).as("prompt %d, k %d", p, k).isCloseTo(mc, within(0.03));
                assertThat(bayes.predictPrefixes(b, p)[k]).isCloseTo(bayes.predictAt(b, p, k), within(1e-12));
            }
        }
    }

    @Test
    void aDeclaredMixtureOfNoisyRegressionsMatchesMonteCarlo() {
        var mixture = Iclab.mixture(List.of(new NoisyLinearRegression(2, 0.5), new NoisyLinearRegression(2, 0.5, false, 3.0)), List.of(0.5, 0.5));
        Learner bayes = Learner.of(new Bayes(), experiment(mixture, Pool.NONE));
        PromptBatch b = new PromptSampler(mixture, Iclab.gaussian()).sample(23, 4, 6, 2);
        for (int p = 0; p < 4; p++) {
            double mc = monteCarlo(rng -> rng.nextDouble() < 0.5 ? dense(rng, 2, 1) : dense(rng, 2, 3), b, p, 2, 0.5);
            assertThat(bayes.predictAt(b, p, 2)).as("prompt %d", p).isCloseTo(mc, within(0.03));
        }
    }

    @Test
    void noiselessSparseRegressionRecoversTheFunctionOnceTheSupportIsDetermined() {
        Task task = Iclab.sparseLinearRegression(6, 2, 1.0);
        PromptBatch b = prompts(task, 20);
        Learner bayes = Learner.of(new Bayes(), experiment(task, Pool.NONE));
        Learner leastSquares = Learner.of(Iclab.leastSquares());
        double bayesAt2 = 0;
        double lsAt2 = 0;
        for (int p = 0; p < 20; p++) {
            double[] mine = bayes.predictPrefixes(b, p);
            double[] ls = leastSquares.predictPrefixes(b, p);
            assertThat(Math.abs(mine[3] - b.y(p, 3))).as("prompt %d at k = 3 (3 examples, 2 non-zeros)", p).isLessThan(1e-4);
            bayesAt2 += Math.pow(mine[2] - b.y(p, 2), 2);
            lsAt2 += Math.pow(ls[2] - b.y(p, 2), 2);
        }
        assertThat(bayesAt2).as("squared error at k = 2, summed over prompts").isLessThan(lsAt2);
    }

    @Test
    void noiselessDenseRegressionIsMinimumNormLeastSquares() {
        Task task = Iclab.linearRegression(5);
        PromptBatch b = prompts(task, 5);
        Learner bayes = Learner.of(new Bayes(), experiment(task, Pool.NONE));
        Learner leastSquares = Learner.of(Iclab.leastSquares());
        for (int p = 0; p < 5; p++) {
            double[] mine = bayes.predictPrefixes(b, p);
            double[] ls = leastSquares.predictPrefixes(b, p);
            for (int k = 1; k < 6; k++) {
                assertThat(mine[k]).as("prompt %d, k %d", p, k).isCloseTo(ls[k], within(1e-3 * (1 + Math.abs(ls[k]))));
            }
        }
    }

    @Test
    void aPoolOfFunctionsGivesRaventosDmmse() {
        NoisyLinearRegression task = new NoisyLinearRegression(3, 0.5);
        Experiment e = experiment(task, Pool.tasks(4));
        TrainingPool pool = new TrainingPool(e.train().pool(), e.seed(), PromptSampler.of(e));
        PromptBatch b = prompts(task, 3);
        Learner bayes = Learner.of(new Bayes(), e);
        for (int p = 0; p < 3; p++) {
            double[] mine = bayes.predictPrefixes(b, p);
            for (int k = 0; k < 6; k++) {
                double total = 0;
                double mean = 0;
                double[] logits = new double[4];
                for (int m = 0; m < 4; m++) {
                    double[] w = pool.member(m).weights();
                    double sse = 0;
                    for (int j = 0; j < k; j++) {
                        sse += Math.pow(b.y(p, j) - dot(w, b, p, j), 2);
                    }
                    logits[m] = -sse / (2 * 0.25);
                }
                double max = java.util.Arrays.stream(logits).max().orElseThrow();
                for (int m = 0; m < 4; m++) {
                    double weight = Math.exp(logits[m] - max);
                    total += weight;
                    mean += weight * dot(pool.member(m).weights(), b, p, k);
                }
                assertThat(mine[k]).as("prompt %d, k %d", p, k).isCloseTo(mean / total, within(1e-9));
            }
        }
    }

    @Test
    void priorsWithoutAClosedFormHereAreRefusedBeforeTraining() {
        Task mixed = Iclab.mixture(new NoisyLinearRegression(2, 0.5), new NoisyLinearRegression(2, 1.0));
        assertThatThrownBy(() -> Iclab.experiment("b").task(mixed).prompt(Iclab.interleaved(6)).model(Iclab.gpt2("tiny"))
                .train(t -> t.pool(Pool.tasks(8))).evaluate(e -> e.baselines(new Bayes())).build())
                .hasMessageContaining("bayes needs one noise level in every component of a mixture trained on a pool of functions");
        assertThatThrownBy(() -> experiment(Iclab.linearRegression(2), Pool.prompts(100)))
                .hasMessageContaining("bayes has no closed form under a pool of prompts");
        // without bayes() declared, a pool of prompts is fine
        Iclab.experiment("b").task(Iclab.linearRegression(2)).prompt(Iclab.interleaved(6)).model(Iclab.gpt2("tiny"))
                .train(t -> t.pool(Pool.prompts(100))).build();
    }

    /** A prior of more point hypotheses than a sparse prior may enumerate supports (a pool of 2^18 functions) is still weighed. */
    @Test
    void aLargeFinitePriorIsWeighedWhole() {
        int count = Prior.MOST_SUPPORTS + 1;
        List<Prior.Hypothesis> members = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            double c = m == 7 ? 2.5 : -1.0; // one constant function fits the labels below
            members.add(new Prior.Member(-Math.log(count), new org.iclab.task.TaskFunction() {
                @Override
                public double apply(float[] xs, int offset) {
                    return c;
                }
            }, 0.01));
        }
        Prior prior = Prior.of(0.01, members);
        PromptBatch b = new PromptBatch(1, 3, 1, new float[3], new float[] {2.5f, 2.5f, 2.5f});
        double[] mean = new PosteriorMeanLearner(prior).predictPrefixes(b, 0);
        assertThat(prior.hypotheses()).hasSize(count);
        assertThat(mean[0]).as("the prior mean").isCloseTo((2.5 - 1.0 * (count - 1)) / count, within(1e-9));
        assertThat(mean[2]).as("after two examples only the fitting function keeps weight").isCloseTo(2.5, within(1e-9));
    }

    @Test
    void supportsAreEverySubsetOnceAndTooManyAreRefused() {
        List<int[]> supports = Prior.supports(5, 2);
        assertThat(supports).hasSize(10);
        assertThat(supports.stream().map(java.util.Arrays::toString).distinct()).hasSize(10);
        assertThat(supports).allSatisfy(s -> assertThat(s[0]).isLessThan(s[1]));
        assertThatThrownBy(() -> Prior.supports(60, 8)).hasMessageContaining("at most 200000");
    }

    @Test
    void aClassWithoutAClosedFormPosteriorIsRefusedWhenDeclared() {
        assertThat(new Bayes().cannotScore(Iclab.decisionTree(4))).contains("closed-form posterior");
        assertThat(new Bayes().cannotScore(Iclab.mixture(Iclab.linearRegression(3), Iclab.reluNetwork(3)))).isNotNull();
        assertThat(new Bayes().cannotScore(Iclab.mixture(Iclab.linearRegression(3), Iclab.sparseLinearRegression(3, 1, 1.0)))).isNull();
    }

    /**
     * Sign vectors (Panwar et al.): before any example the 2^d equally likely w average to 0; one example in general
     * position leaves a single w whose w·x matches y, so the posterior mean is then the label itself. In the noiseless
     * limit (σ = 1e-3) two sign vectors whose w·x differ by less than a few σ are not yet told apart (prompt 6 here has
     * two nearly equal coordinates in its first x), so the check starts at k = 2. The label is read from the prompt.
     */
    @Test
    void signVectorsAreToldApartByOneExample() {
        var task = new org.iclab.spec.task.SignVectorRegression(4, 1.0);
        assertThat(new Bayes().cannotScore(task)).isNull();
        Learner bayes = Learner.of(new Bayes(), experiment(task, Pool.NONE));
        PromptBatch b = prompts(task, 8);
        for (int p = 0; p < 8; p++) {
            double[] prefixes = bayes.predictPrefixes(b, p);
            assertThat(prefixes[0]).as("prompt %d, k 0", p).isCloseTo(0, within(1e-12));
            for (int k = 2; k < b.points(); k++) {
                assertThat(prefixes[k]).as("prompt %d, k %d", p, k).isCloseTo(b.y(p, k), within(1e-4));
                assertThat(bayes.predictAt(b, p, k)).isCloseTo(prefixes[k], within(1e-12));
            }
            // the label is w·x for a sign vector w: check the draw is one, independently of the prior
            boolean found = false;
            for (int bits = 0; bits < 16 && !found; bits++) {
                boolean all = true;
                for (int k = 0; k < b.points(); k++) {
                    double dot = 0;
                    for (int j = 0; j < 4; j++) {
                        dot += ((bits >> j & 1) == 0 ? -1 : 1) * b.x(p, k, j);
                    }
                    all &= Math.abs(dot - b.y(p, k)) < 1e-4;
                }
                found = all;
            }
            assertThat(found).as("prompt %d is labelled by a sign vector", p).isTrue();
        }
        assertThatThrownBy(() -> new org.iclab.spec.task.SignVectorRegression(17, 1.0)).hasMessageContaining("dims must be in 1..16");
    }
}
