package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.baseline.Learner;
import org.iclab.io.Json;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.Representation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guo et al.'s representation task: Φ's matrices, its reproducibility from the seed, its labels and bayes() on it. */
class RepresentationTest {
    @TempDir
    Path tmp;

    private static final Representation TASK = new Representation(5, 2, 7, Representation.RELU, 0, 3);

    @Test
    void everyMatrixOfPhiHasOrthonormalColumnsOrRows() {
        var phi = RepresentationClass.Phi.draw(new Representation(5, 3, 7, Representation.RELU, 0, 1));
        assertThat(phi.weights()).hasNumberOfRows(3);
        assertThat(phi.weights()[0]).hasNumberOfRows(7); // 5 → 7: orthonormal columns
        assertThat(phi.weights()[0][0]).hasSize(5);
        assertOrthonormal(phi.weights()[0], true);
        assertOrthonormal(phi.weights()[1], true); // 7 → 7: orthogonal
        assertOrthonormal(phi.weights()[1], false);
        var narrowing = RepresentationClass.Phi.draw(new Representation(6, 1, 3, Representation.TANH, 0, 1));
        assertOrthonormal(narrowing.weights()[0], false); // 6 → 3: orthonormal rows
    }

    private static void assertOrthonormal(double[][] m, boolean columns) {
        int n = columns ? m[0].length : m.length;
        int len = columns ? m.length : m[0].length;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < len; i++) {
                    dot += (columns ? m[i][a] * m[i][b] : m[a][i] * m[b][i]);
                }
                assertThat(dot).as("%s %d · %d", columns ? "columns" : "rows", a, b).isCloseTo(a == b ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void phiIsAFunctionOfItsSeedAlone() {
        var a = RepresentationClass.Phi.draw(TASK);
        var b = RepresentationClass.Phi.draw(new Representation(5, 2, 7, Representation.RELU, 0, 3));
        var other = RepresentationClass.Phi.draw(new Representation(5, 2, 7, Representation.RELU, 0, 4));
        assertThat(a.weights()).isDeepEqualTo(b.weights());
        assertThat(a.weights()[0][0][0]).isNotEqualTo(other.weights()[0][0][0]);
        assertThat(RepresentationClass.phi(TASK)).isSameAs(RepresentationClass.phi(TASK));
    }

    @Test
    void aReluLayerKeepsTheExpectedSquaredNormOfAGaussianInput() {
        var phi = RepresentationClass.phi(new Representation(6, 1, 9, Representation.RELU, 0, 2));
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = new float[6];
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[j] = (float) rng.nextGaussian();
            }
            for (double f : phi.apply(x, 0, 6)) {
                sum += f * f;
            }
        }
        assertThat(sum / n).isCloseTo(6, within(0.2)); // E|x|² = 6 = Σ_r |w_r|², halved by the ReLU and doubled by the √2
    }

    @Test
    void labelsAreLinearInPhiSoBayesRecoversThemWhereLeastSquaresOnXCannot() {
        Experiment e = Iclab.experiment("rep").seed(1).task(TASK).prompt(Iclab.interleaved(12))
                .model(Iclab.gpt2(b -> b.layers(1).heads(1).embed(8))).train(t -> t.steps(1)).build();
        PromptBatch b = PromptSampler.of(e).sample(9, 30, 12, 5);
        Learner bayes = Learner.of(new Bayes(), e);
        Learner leastSquares = Learner.of(Iclab.leastSquares());
        double bayesError = 0;
        double lsError = 0;
        for (int p = 0; p < b.batch(); p++) {
            double[] mine = bayes.predictPrefixes(b, p);
            double[] ls = leastSquares.predictPrefixes(b, p);
            for (int k = 8; k < 12; k++) { // more examples than Φ has features (7)
                bayesError += Math.pow(mine[k] - b.y(p, k), 2);
                lsError += Math.pow(ls[k] - b.y(p, k), 2);
            }
        }
        assertThat(bayesError / (30 * 4)).isLessThan(1e-4);
        assertThat(lsError / (30 * 4)).isGreaterThan(0.05);
    }

    @Test
    void aRunRecordsPhiAndBadSettingsAreNamed() throws Exception {
        Experiment e = Iclab.experiment("rep").seed(1).task(TASK).prompt(Iclab.interleaved(6))
                .model(Iclab.gpt2(b -> b.layers(1).heads(1).embed(8).positions(6))).train(t -> t.steps(2).batch(4))
                .evaluate(v -> v.prompts(8).resamples(10)).build();
        Iclab.run(e, RunOptions.builder().out(tmp.resolve("run")).threads(1).build());
        var json = Json.MAPPER.readTree(tmp.resolve("run/representation.json").toFile()).get("representations").get(0);
        assertThat(json.get("task").get("phiSeed").asLong()).isEqualTo(3);
        assertThat(json.get("weights").get(1).get(2).get(4).asDouble()).isEqualTo(RepresentationClass.phi(TASK).weights()[1][2][4]);
        assertThat(Json.readExperiment(Json.write(e), "spec.json")).isEqualTo(e);
        assertThatThrownBy(() -> new Representation(5, 2, 7, "softmax", 0, 0)).hasMessageContaining("activation must be 'relu', 'tanh' or 'linear', was 'softmax'");
        assertThatThrownBy(() -> new Representation(5, 0, 7, "relu", -1, 0)).hasMessageContaining("layers must be > 0")
                .hasMessageContaining("noise must be a finite number >= 0, was -1");
    }
}
