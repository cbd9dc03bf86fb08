package org.iclab.spec;

import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.task.Task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iclab.Iclab;
import org.junit.jupiter.api.Test;

class DefaultBaselinesTest {
    private static List<String> defaults(Task task) {
        return Iclab.experiment("d").task(task).prompt(Iclab.interleaved(11)).model(Iclab.gpt2("tiny")).build()
                .evaluate().baselines().stream().map(Baseline::learnerName).toList();
    }

    @Test
    void eachTaskGetsGargsBaselinesWhenNoneAreDeclared() {
        assertThat(defaults(Iclab.linearRegression(5))).containsExactly("leastSquares", "nearestNeighbors", "averaging");
        assertThat(defaults(Iclab.sparseLinearRegression(5))).containsExactly("leastSquares", "nearestNeighbors", "averaging",
                "lasso(1)", "lasso(0.1)", "lasso(0.01)", "lasso(0.001)", "lasso(0.0001)");
        assertThat(defaults(Iclab.linearClassification(5))).containsExactly("nearestNeighbors", "averaging");
        assertThat(defaults(Iclab.reluNetwork(5))).containsExactly("leastSquares", "nearestNeighbors", "averaging", "gradientDescentNet");
        assertThat(defaults(Iclab.decisionTree(5))).containsExactly("leastSquares", "nearestNeighbors", "averaging",
                "greedyTree(4)", "greedyTree(unlimited)", "gradientBoosting");
    }

    @Test
    void declaredBaselinesReplaceTheDefaults() {
        Experiment e = Iclab.experiment("d").task(Iclab.decisionTree(5)).prompt(Iclab.interleaved(11)).model(Iclab.gpt2("tiny"))
                .evaluate(ev -> ev.baselines(Iclab.zero())).build();
        assertThat(e.evaluate().baselines()).containsExactly(Iclab.zero());
    }
}
