package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.iclab.Iclab;
import org.iclab.probe.Targets;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

/**
 * Akyürek et al.'s agreement metrics, with a stand-in model that is least squares itself (no TensorFlow): beside least
 * squares they are 0, beside ridge they are the squared difference of the two closed forms' predictions and weights,
 * computed here with EJML.
 */
class AgreementTest {
    private static final int D = 3;
    private static final int POINTS = 7;

    /** The first k examples of prompt p as rows, and their labels. */
    private static double[][] xs(PromptBatch b, int p, int k) {
        double[][] x = new double[k][D];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < D; j++) {
                x[i][j] = b.x(p, i, j);
            }
        }
        return x;
    }

    private static double[] ys(PromptBatch b, int p, int k) {
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = b.y(p, i);
        }
        return y;
    }

    /** The stand-in model: at every position, the minimum-norm least-squares fit of the examples before it, at its x. */
    private static float[] leastSquaresModel(PromptBatch b) {
        float[] out = new float[b.batch() * b.points()];
        for (int p = 0; p < b.batch(); p++) {
            for (int k = 0; k < b.points(); k++) {
                double[] w = k == 0 ? new double[D] : Targets.leastSquares(xs(b, p, k), ys(b, p, k), D);
                double pred = 0;
                for (int j = 0; j < D; j++) {
                    pred += w[j] * b.x(p, k, j);
                }
                out[p * b.points() + k] = (float) pred;
            }
        }
        return out;
    }

    /** Ridge as scikit-learn's, no intercept: (XᵀX + αI)⁻¹ Xᵀy. */
    private static double[] ridge(double[][] x, double[] y, double alpha) {
        DMatrixRMaj a = new DMatrixRMaj(x);
        DMatrixRMaj gram = new DMatrixRMaj(D, D);
        CommonOps_DDRM.multTransA(a, a, gram);
        for (int i = 0; i < D; i++) {
            gram.add(i, i, alpha);
        }
        DMatrixRMaj xty = new DMatrixRMaj(D, 1);
        CommonOps_DDRM.multTransA(a, new DMatrixRMaj(y.length, 1, true, y), xty);
        DMatrixRMaj w = new DMatrixRMaj(D, 1);
        CommonOps_DDRM.solve(gram, xty, w);
        return w.data.clone();
    }

    @Test
    void besideLeastSquaresTheyVanishBesideRidgeTheyAreTheClosedFormsDifferences() {
        Experiment e = Iclab.experiment("agree").seed(5).task(Iclab.linearRegression(D)).prompt(Iclab.interleaved(POINTS))
                .model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.prompts(40).resamples(20).baselines(Iclab.leastSquares(), Iclab.ridge(2)).agreement(8)).build();
        Evaluator evaluator = new Evaluator(e);
        List<ErrorCurve> curves = evaluator.evaluate(AgreementTest::leastSquaresModel);
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model", "leastSquares", "ridge(2)");
        ErrorCurve ls = curves.get(1);
        ErrorCurve ridge = curves.get(2);
        for (int k = 0; k < POINTS; k++) {
            assertThat(ls.beside().get("spd")[k]).as("spd with least squares, k %d", k).isCloseTo(0, within(1e-9));
            assertThat(ls.beside().get("ilwd")[k]).as("ilwd with least squares, k %d", k).isCloseTo(0, within(1e-8));
        }
        PromptBatch b = evaluator.prompts();
        for (int k = 1; k < POINTS; k++) {
            double spd = 0;
            double ilwd = 0;
            for (int p = 0; p < b.batch(); p++) {
                double[] wl = Targets.leastSquares(xs(b, p, k), ys(b, p, k), D);
                double[] wr = ridge(xs(b, p, k), ys(b, p, k), 2);
                double diff = 0;
                for (int j = 0; j < D; j++) {
                    diff += (wl[j] - wr[j]) * b.x(p, k, j);
                    ilwd += (wl[j] - wr[j]) * (wl[j] - wr[j]) / b.batch();
                }
                spd += diff * diff / b.batch();
            }
            assertThat(spd).isGreaterThan(1e-3);
            assertThat(ridge.beside().get("spd")[k]).as("spd with ridge, k %d", k).isCloseTo(spd, within(1e-5 * spd + 1e-9));
            assertThat(ridge.beside().get("ilwd")[k]).as("ilwd with ridge, k %d", k).isCloseTo(ilwd, within(1e-5 * ilwd + 1e-8));
        }
        // without agreement, nothing beside the error
        Experiment plain = Iclab.experiment("agree").seed(5).task(Iclab.linearRegression(D)).prompt(Iclab.interleaved(POINTS))
                .model(Iclab.gpt2("tiny")).evaluate(v -> v.prompts(8).resamples(20).baselines(Iclab.leastSquares())).build();
        assertThat(new Evaluator(plain).evaluate(AgreementTest::leastSquaresModel).get(1).beside()).isEmpty();
    }

    @Test
    void agreementNeedsARegressionTaskAndAProbeADimension() {
        assertThatThrownBy(() -> Iclab.experiment("x").task(Iclab.linearClassification(4)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.agreement(8)).build()).isInstanceOf(SpecException.class).hasMessageContaining("evaluate.agreement needs a regression task");
        assertThatThrownBy(() -> Iclab.experiment("x").task(Iclab.linearRegression(5)).prompt(Iclab.interleaved(5)).model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.agreement(4)).build()).isInstanceOf(SpecException.class).hasMessageContaining("as many probe queries as its dims (5)");
    }
}
