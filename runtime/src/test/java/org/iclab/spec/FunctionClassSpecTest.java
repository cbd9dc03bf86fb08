package org.iclab.spec;

import org.iclab.spec.model.Gpt2;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.DecisionTree;
import org.iclab.spec.task.LinearClassification;
import org.iclab.spec.task.NoisyLinearRegression;
import org.iclab.spec.task.QuadraticRegression;
import org.iclab.spec.task.ReluNetwork;
import org.iclab.spec.task.SparseLinearRegression;
import org.iclab.spec.task.Task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iclab.Iclab;
import org.iclab.io.Json;
import org.junit.jupiter.api.Test;

/** Validation, Garg et al.'s defaults and the spec.json round trip of the function classes beyond linear regression. */
class FunctionClassSpecTest {
    private static final List<Task> TASKS = List.of(
            new SparseLinearRegression(6, 2, 1.5),
            new NoisyLinearRegression(6, 0.25, true, 2.0),
            new LinearClassification(6),
            new QuadraticRegression(6, 0.5),
            new ReluNetwork(6, 12, 3.0),
            new DecisionTree(6, 3));

    @Test
    void everyTaskLoadsBackFromSpecJson() {
        for (Task task : TASKS) {
            Experiment e = Experiment.builder("t").task(task).prompt(new Interleaved(11)).model(Gpt2.preset("tiny")).build();
            String json = Json.write(e);
            assertThat(Json.readExperiment(json, "spec.json")).as(json).isEqualTo(e);
        }
        String noisy = Json.write(TASKS.get(1));
        assertThat(noisy).contains("\"type\" : \"noisyLinearRegression\"", "\"renormalize\" : true", "\"noise\" : 0.25");
    }

    @Test
    void javaFactoriesUseGargsDefaults() {
        assertThat(Iclab.sparseLinearRegression(20)).isEqualTo(new SparseLinearRegression(20, 3, 1.0));
        assertThat(Iclab.sparseLinearRegression(20, 4)).isEqualTo(new SparseLinearRegression(20, 4, 1.0));
        assertThat(Iclab.noisyLinearRegression(20)).isEqualTo(new NoisyLinearRegression(20, 1.0, false, 1.0));
        assertThat(Iclab.noisyLinearRegression(20, 0.1)).isEqualTo(new NoisyLinearRegression(20, 0.1, false, 1.0));
        assertThat(Iclab.quadraticRegression(20)).isEqualTo(new QuadraticRegression(20, 1.0));
        assertThat(Iclab.reluNetwork(20)).isEqualTo(new ReluNetwork(20, 100, 1.0));
        assertThat(Iclab.reluNetwork(20, 7)).isEqualTo(new ReluNetwork(20, 7, 1.0));
        assertThat(Iclab.decisionTree(20)).isEqualTo(new DecisionTree(20, 4));
        assertThat(Iclab.linearClassification(20)).isEqualTo(new LinearClassification(20));
    }

    @Test
    void errorScalesAndClassificationFollowGarg() {
        assertThat(TASKS).extracting(Task::errorScale).containsExactly(2.0, 6.0, 1.0, 6.0, 6.0, 1.0);
        assertThat(TASKS).extracting(Task::classification).containsExactly(false, false, true, false, false, false);
    }

    @Test
    void badSettingsNameTheSettingTheRuleAndTheValue() {
        assertThatThrownBy(() -> new SparseLinearRegression(5, 6, 1.0)).hasMessage("task: sparsity must be <= dims, was 6 > 5");
        assertThatThrownBy(() -> new SparseLinearRegression(5, 0, 1.0)).hasMessage("task: sparsity must be >= 1, was 0");
        assertThat(new SparseLinearRegression(5, 5, 1.0).sparsity()).isEqualTo(5);
        assertThatThrownBy(() -> new NoisyLinearRegression(5, -0.5, false, 1.0)).hasMessage("task: noise must be a finite number >= 0, was -0.5");
        assertThat(new NoisyLinearRegression(5, 0, true, 1.0).noise()).isZero();
        assertThatThrownBy(() -> new LinearClassification(0)).hasMessage("task: dims must be > 0, was 0");
        assertThatThrownBy(() -> new QuadraticRegression(3, Double.NaN)).hasMessage("task: scale must be a finite number > 0, was NaN");
        assertThatThrownBy(() -> new ReluNetwork(3, 0, 1.0)).hasMessage("task: hidden must be > 0, was 0");
        assertThatThrownBy(() -> new DecisionTree(3, 0)).hasMessage("task: depth must be in [1, 20], was 0");
        assertThatThrownBy(() -> new DecisionTree(3, 21)).hasMessage("task: depth must be in [1, 20], was 21");
        assertThat(new DecisionTree(3, 20).depth()).isEqualTo(20);
        assertThatThrownBy(() -> new ReluNetwork(0, 0, -1)).hasMessage("3 problems:\n"
                + "  - task: dims must be > 0, was 0\n"
                + "  - task: hidden must be > 0, was 0\n"
                + "  - task: scale must be a finite number > 0, was -1.0");
    }

    @Test
    void renormalizationIsOneUnlessAsked() {
        assertThat(new NoisyLinearRegression(8, 0.5, false, 2.0).renormalization(3)).isEqualTo(1.0);
        assertThat(new NoisyLinearRegression(8, 0.5, true, 2.0).renormalization(3)).isEqualTo(Math.sqrt(8 / 12.25));
        assertThat(new NoisyLinearRegression(8, 1.0, true, 1.0).renormalization(8)).isEqualTo(Math.sqrt(8 / 9.0));
    }
}
