package org.iclab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.baseline.GreedyTree;
import org.junit.jupiter.api.Test;

/** The evaluator runs Garg et al.'s further baselines like the others (a stand-in model, no TensorFlow). */
class EvaluatorBaselinesTest {
    @Test
    void everyNewBaselineGetsACurveUnderItsName() {
        Experiment e = Iclab.experiment("x").task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(9)).model(Iclab.gpt2("tiny"))
                .evaluate(v -> v.prompts(6).resamples(20).baselines(Iclab.zero(), Iclab.ridge(1e-6), Iclab.lasso(0.01),
                        Iclab.greedyTree(), Iclab.greedyTree(GreedyTree.UNLIMITED), Iclab.gradientBoosting(10, 2, 0.3),
                        Iclab.gradientDescentNet(8, 5, 1e-2, 100)))
                .build();
        List<ErrorCurve> curves = new Evaluator(e).evaluate(batch -> new float[batch.batch() * batch.points()]);
        assertThat(curves).extracting(ErrorCurve::learner).containsExactly("model", "zero", "ridge(0.000001)", "lasso(0.01)",
                "greedyTree(4)", "greedyTree(unlimited)", "gradientBoosting(rounds=10;maxDepth=2)",
                "gradientDescentNet(hidden=8;steps=5;lr=0.01)");
        // the stand-in model predicts 0 everywhere, as zero() does: the same errors
        assertThat(curves.get(1).error()).containsExactly(curves.get(0).error(), within(0.0));
        // noiseless linear regression: nearly unpenalised ridge is exact once k >= d
        for (int k = 3; k < 9; k++) {
            assertThat(curves.get(2).at(k)).isLessThan(1e-6);
            assertThat(curves.get(2).at(k)).isLessThan(curves.get(1).at(k));
        }
    }
}
