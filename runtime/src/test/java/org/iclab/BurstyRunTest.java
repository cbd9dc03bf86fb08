package org.iclab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iclab.Iclab.*;

import java.nio.file.Path;
import java.util.List;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.report.RunDirectory;
import org.iclab.spec.task.BurstyClassification;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reddy's task end to end: the model reads the token vectors (not ids), is trained at the query alone, is evaluated
 * on the training distribution and the three test sets, and logs each layer's induction score during training.
 */
public class BurstyRunTest {
    @TempDir
    Path tmp;

    /** 32 classes on 8 labels, 4 pairs, B = 2, all bursty, a quarter novel; 7 content dimensions, positions for 4 pairs. */
    public static final BurstyClassification TASK = burstyClassification(32, 8, 4, 2, 0.2, 0, 1, 0.25, 7, 4, 0);

    public static Experiment spec(int steps) {
        return experiment("bursty").seed(2).task(TASK).prompt(tokens(0, "none"))
                .model(gpt2(m -> m.layers(2).heads(2).embed(16).positions(9)))
                .train(t -> t.steps(steps).batch(32).optimizer(adam(3e-3)).logEvery(20).evaluateEvery(40).evaluatePrompts(64))
                .evaluate(e -> e.prompts(64).resamples(50))
                .build();
    }

    @Test
    void aRunScoresEveryTestSetAndLogsInductionScoresDuringTraining() throws Exception {
        RunResult result = Iclab.run(spec(120), RunOptions.builder().out(tmp.resolve("run")).threads(2).build());
        List<String> strategies = result.curves().stream().map(ErrorCurve::strategy).distinct().toList();
        assertThat(strategies).containsExactly("standard", "inContext", "flippedLabels", "inWeights");
        for (ErrorCurve c : result.curves()) {
            assertThat(c.error()).hasSize(1); // k = 0: the query
        }
        RunDirectory run = RunDirectory.existing(result.directory());
        List<EvaluationLog> logs = run.evaluationLogs();
        assertThat(logs).extracting(EvaluationLog::step).containsExactly(0L, 40L, 80L, 120L);
        EvaluationLog last = logs.get(logs.size() - 1);
        // every strategy whose queries have their class in the context has scores, per layer, per head, in [0, 1]
        var induction = last.measures().get("induction");
        assertThat(induction).containsKeys("standard", "inContext", "flippedLabels");
        for (var series : induction.values()) {
            assertThat(series.keySet()).containsExactly("L1H1", "L1H2", "L2H1", "L2H2");
            assertThat(series.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        assertThat(last.meanError().get("standard")).as("the model learns something in 120 steps")
                .isLessThan(logs.get(0).meanError().get("standard"));
        assertThat(result.directory().resolve("plots/induction.png")).isRegularFile();
        assertThat(result.directory().resolve("plots/error-inWeights.png")).isRegularFile();
    }

    @Test
    void aBurstyTaskIsNeverCutAndItsTestSetsBelongToIt() {
        assertThatThrownBy(() -> experiment("cut").task(TASK).model(gpt2(m -> m.layers(1).heads(1).embed(8).positions(9)))
                .train(t -> t.curriculum(c -> c.points(5, 9, 2, 10))).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("train.curriculum.points")
                .hasMessageContaining("must stay at the task's length 9");
        assertThatThrownBy(() -> experiment("elsewhere").task(regularLanguage()).model(gpt2(m -> m.layers(1).heads(1).embed(8).positions(1000)))
                .evaluate(e -> e.strategies(inContext())).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("inContext");
        assertThatThrownBy(() -> experiment("pairs").task(linearRegression(3)).prompt(interleaved(5)).model(gpt2(m -> m.layers(1).heads(1).embed(8).positions(8))).evaluate(e -> e.strategies(inWeights())).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("is a test set of burstyClassification");
    }
}
