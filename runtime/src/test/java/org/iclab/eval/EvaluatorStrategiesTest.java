package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import java.util.List;
import java.util.function.Function;
import org.iclab.baseline.Learner;
import org.iclab.spec.Experiment;
import org.iclab.spec.strategy.Strategy;
import org.iclab.task.PromptBatch;
import org.junit.jupiter.api.Test;

/** The evaluator's strategies with a stand-in model (least squares), so that no TensorFlow is needed. */
class EvaluatorStrategiesTest {
    /** A "model" that predicts every position of every prompt by least squares on the examples before it. */
    private static final Function<PromptBatch, float[]> LEAST_SQUARES_MODEL = batch -> {
        Learner ls = Learner.of(leastSquares());
        float[] out = new float[batch.batch() * batch.points()];
        for (int p = 0; p < batch.batch(); p++) {
            double[] pred = ls.predictPrefixes(batch, p);
            for (int i = 0; i < pred.length; i++) {
                out[p * batch.points() + i] = (float) pred[i];
            }
        }
        return out;
    };

    private static Experiment declared(int prompts, Strategy... strategies) {
        return experiment("s").seed(2).task(linearRegression(4)).prompt(interleaved(8)).model(gpt2("tiny"))
                .evaluate(e -> e.prompts(prompts).resamples(30).strategies(strategies)).build();
    }

    private static ErrorCurve curve(List<ErrorCurve> curves, String strategy, String learner) {
        return curves.stream().filter(c -> c.strategy().equals(strategy) && c.learner().equals(learner)).findFirst().orElseThrow();
    }

    @Test
    void everyStrategyGivesTheModelAndEveryBaselineOneCurveInDeclarationOrder() {
        List<ErrorCurve> curves = new Evaluator(declared(20, scaledY(2), orthogonalTrainTest(), standard()))
                .evaluate(LEAST_SQUARES_MODEL);
        assertThat(curves).extracting(c -> c.strategy() + "/" + c.learner()).containsExactly(
                "scaledY(2)/model", "scaledY(2)/leastSquares", "scaledY(2)/nearestNeighbors", "scaledY(2)/averaging",
                "orthogonalTrainTest/model", "orthogonalTrainTest/leastSquares", "orthogonalTrainTest/nearestNeighbors",
                "orthogonalTrainTest/averaging",
                "standard/model", "standard/leastSquares", "standard/nearestNeighbors", "standard/averaging");
        for (ErrorCurve c : curves) {
            assertThat(c.points()).as(c.strategy()).isEqualTo(c.strategy().equals("orthogonalTrainTest") ? 4 : 8);
        }
    }

    @Test
    void theModelIsScoredOnTheSamePromptsAndPositionsAsTheBaselines() {
        // The model runs on batches of prompts (cut after the query where the query differs), the baselines prompt by
        // prompt: a model that is least squares must score what the leastSquares baseline scores. 140 prompts take
        // several model calls at every k (a call holds 64 prompts' worth of tokens: 64 of 8 points, 128 of 4, ...).
        List<ErrorCurve> curves = new Evaluator(declared(140, standard(), orthogonalTrainTest(), overlappingTrainTest(),
                randomQuadrants(), oppositeQuadrants(), scaledX(2), noisyY(1))).evaluate(LEAST_SQUARES_MODEL);
        for (String strategy : List.of("standard", "orthogonalTrainTest", "overlappingTrainTest", "randomQuadrants",
                "oppositeQuadrants", "scaledX(2)", "noisyY(1)")) {
            ErrorCurve model = curve(curves, strategy, "model");
            ErrorCurve ls = curve(curves, strategy, "leastSquares");
            assertThat(model.points()).isEqualTo(ls.points());
            for (int k = 0; k < model.points(); k++) {
                assertThat(model.at(k)).as(strategy + " at k = " + k).isCloseTo(ls.at(k), within(1e-4 * (1 + ls.at(k))));
            }
        }
    }

    @Test
    void leastSquaresBehavesAsTheGeometryOfEachStrategySays() {
        List<ErrorCurve> curves = new Evaluator(declared(400, standard(), orthogonalTrainTest(), overlappingTrainTest(),
                scaledY(3))).evaluate(LEAST_SQUARES_MODEL);
        // Bounds are about 3 standard errors: (w.x)^2 / d has variance (3(d^2 + 2d) - d^2) / d^2 = 3.5 at d = 4,
        // so a mean over 400 prompts is within 0.28 of its expectation (0.28 * 9 once y is scaled by 3).
        // A query orthogonal to the context: the minimum-norm fit lies in the context's span and predicts 0, so the
        // error is (w.q)^2 / d, whose mean is |q|^2 / d = |x|^2 / d = 1 at every k.
        ErrorCurve orthogonal = curve(curves, "orthogonalTrainTest", "leastSquares");
        for (int k = 0; k < 4; k++) {
            assertThat(orthogonal.at(k)).as("orthogonal, k = " + k).isCloseTo(1, within(0.3));
        }
        // A query that repeats a context input is fitted exactly on noiseless data.
        ErrorCurve overlapping = curve(curves, "overlappingTrainTest", "leastSquares");
        assertThat(overlapping.at(0)).isCloseTo(1, within(0.3));
        for (int k = 1; k < 8; k++) {
            assertThat(overlapping.at(k)).as("overlapping, k = " + k).isLessThan(1e-8);
        }
        // In distribution, least squares falls to 0 once k >= d; with y scaled by 3 the error before that is 9 times.
        ErrorCurve standard = curve(curves, "standard", "leastSquares");
        ErrorCurve scaledY = curve(curves, "scaledY(3)", "leastSquares");
        assertThat(standard.at(0)).isCloseTo(1, within(0.3));
        assertThat(scaledY.at(0)).isCloseTo(9, within(9 * 0.3));
        assertThat(standard.at(5)).isLessThan(1e-8);
        assertThat(scaledY.at(5)).isLessThan(1e-8);
    }

    @Test
    void declaringMoreStrategiesLeavesTheStandardCurvesAsTheyWere() {
        List<ErrorCurve> alone = new Evaluator(declared(16, standard())).evaluate(LEAST_SQUARES_MODEL);
        List<ErrorCurve> among = new Evaluator(declared(16, halfSubspace(), standard(), noisyY(0.5))).evaluate(LEAST_SQUARES_MODEL);
        for (String learner : List.of("model", "leastSquares", "nearestNeighbors", "averaging")) {
            assertThat(curve(among, "standard", learner)).usingRecursiveComparison().isEqualTo(curve(alone, "standard", learner));
        }
    }
}
