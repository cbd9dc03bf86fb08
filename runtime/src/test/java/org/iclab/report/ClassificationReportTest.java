package org.iclab.report;

import org.iclab.io.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.eval.ErrorCurve;
import org.iclab.spec.task.DecisionTree;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.LinearClassification;
import org.iclab.spec.task.NoisyLinearRegression;
import org.iclab.spec.task.QuadraticRegression;
import org.iclab.spec.task.SparseLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification runs report accuracy in eval.json and label their error axis as classification error. */
class ClassificationReportTest {
    @TempDir
    Path tmp;

    private static Experiment classification() {
        return PlotsTest.experiment().toBuilder().name("lc-tiny").task(new LinearClassification(5)).build();
    }

    private static List<ErrorCurve> curves() {
        return List.of(new ErrorCurve("standard", "model", new double[] {0.5, 0.25, 0.125},
                new double[] {0.375, 0.125, 0.0}, new double[] {0.625, 0.375, 0.25}));
    }

    @Test
    void evalJsonRowsOfClassificationCarryAccuracyAndItsInterval() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.writeEvaluation(classification(), curves());
        JsonNode rows = Json.MAPPER.readTree(tmp.resolve("run/eval.json").toFile());
        assertThat(rows.size()).isEqualTo(3);
        double[][] expected = {{0.5, 0.375, 0.625}, {0.75, 0.625, 0.875}, {0.875, 0.75, 1.0}};
        for (int k = 0; k < 3; k++) {
            JsonNode row = rows.get(k);
            assertThat(row.get("accuracy").asDouble()).isEqualTo(expected[k][0]);
            assertThat(row.get("accuracy_ci_low").asDouble()).isEqualTo(expected[k][1]);
            assertThat(row.get("accuracy_ci_high").asDouble()).isEqualTo(expected[k][2]);
        }
        assertThat(Files.readAllLines(tmp.resolve("run/eval.csv")))
                .containsExactly("strategy,learner,k,error,ci_low,ci_high", "standard,model,0,0.5,0.375,0.625",
                        "standard,model,1,0.25,0.125,0.375", "standard,model,2,0.125,0.0,0.25");
    }

    @Test
    void regressionRowsHaveNoAccuracy() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.writeEvaluation(PlotsTest.experiment(), curves());
        JsonNode row = Json.MAPPER.readTree(tmp.resolve("run/eval.json").toFile()).get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("strategy", "learner", "k", "error", "ci_low", "ci_high");
    }

    @Test
    void theErrorAxisSaysWhatTheErrorIs() throws Exception {
        assertThat(ErrorFigure.yTitle(new LinearClassification(5))).isEqualTo("classification error (1 \u2212 accuracy)");
        assertThat(ErrorFigure.yTitle(new NoisyLinearRegression(5))).isEqualTo("squared error / d");
        assertThat(ErrorFigure.yTitle(new QuadraticRegression(5))).isEqualTo("squared error / d");
        assertThat(ErrorFigure.yTitle(new SparseLinearRegression(5, 2, 1.0))).isEqualTo("squared error / sparsity");
        assertThat(ErrorFigure.yTitle(new DecisionTree(5, 4))).isEqualTo("squared error");

        Plots.write(tmp, classification(), List.of(), curves());
        assertThat(PlotsTest.only(PlotsTest.parse(tmp.resolve("error-standard.svg")), "desc"))
                .startsWith("lc-tiny, standard prompts: mean classification error (1 \u2212 accuracy) against in-context examples k");
    }
}
