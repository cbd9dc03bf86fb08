package org.iclab.spec;

import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.LeastSquares;
import org.iclab.spec.baseline.NearestNeighbors;
import org.iclab.spec.model.Gpt2;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.prompt.Interleaved;
import org.iclab.spec.task.LinearRegression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void headsMustDivideEmbedAndSizesMustBePositive() {
        assertThatThrownBy(() -> new Gpt2(0, 3, 64, 101))
                .isInstanceOf(SpecException.class)
                .hasMessage("2 problems:\n"
                        + "  - model: layers must be > 0, was 0\n"
                        + "  - model: heads must divide embed, was heads 3, embed 64");
    }

    @Test
    void everyProblemOfATrainPlanIsListedAtOnce() {
        SpecException e = (SpecException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new TrainPlan(0, -1, new Adam(1e-3), new Curriculum(Schedule.fixed(5), Schedule.fixed(11)), 0, 10));
        assertThat(e.problems()).extracting(Problem::message).containsExactly(
                "train: steps must be > 0, was 0",
                "train: batch must be > 0, was -1",
                "train: checkpointEvery must be > 0, was 0");
    }

    @Test
    void curriculumEndMustNotPassStartNorTheTaskDims() {
        assertThatThrownBy(() -> Curriculum.builder().dims(5, 20, 1, 2000).points(11, 5).build())
                .hasMessage("train.curriculum: points.end must be >= points.start, was 5 < 11");
        assertThatThrownBy(() -> base().train(t -> t.curriculum(c -> c.dims(5, 20, 1, 2000))).build())
                .hasMessage("train.curriculum: dims.end must be <= task.dims, was 20 > 5");
        assertThatThrownBy(() -> Curriculum.builder().dims(5, 20, 0, 2000).points(11, 11).build())
                .hasMessage("train.curriculum: dims.by must be > 0 when start < end, was 0");
    }

    @Test
    void pointsMustFitTheModelsPositions() {
        assertThatThrownBy(() -> base().model(Gpt2.builder().positions(10).build()).build())
                .hasMessage("2 problems:\n"
                        + "  - experiment: prompt.points must be <= model.positions, was 11 > 10\n"
                        + "  - experiment: evaluate.points must be <= model.positions, was 11 > 10");
        assertThatThrownBy(() -> base().evaluate(e -> e.points(200)).build())
                .hasMessage("experiment: evaluate.points must be <= model.positions, was 200 > 101");
    }

    @Test
    void missingPartsAndBadNamesAreNamed() {
        assertThatThrownBy(() -> Experiment.builder("x").task(new LinearRegression(5)).build())
                .hasMessage("2 problems:\n  - experiment: prompt is required, was missing\n  - experiment: model is required, was missing");
        assertThatThrownBy(() -> Experiment.builder("a b").task(new LinearRegression(5)).prompt(new Interleaved(11))
                .model(Gpt2.preset("tiny")).build())
                .hasMessage("experiment: name must be letters, digits, '.', '_' or '-' (it names the run directory), was 'a b'");
    }

    @Test
    void settingValuesAreChecked() {
        assertThatThrownBy(() -> new LinearRegression(0)).hasMessage("task: dims must be > 0, was 0");
        assertThatThrownBy(() -> new Adam(-1)).hasMessage("train.optimizer: lr must be a finite number > 0, was -1.0");
        assertThatThrownBy(() -> new NearestNeighbors(0)).hasMessage("evaluate.baselines.nearestNeighbors: k must be > 0, was 0");
        assertThatThrownBy(() -> base().evaluate(e -> e.confidence(1.5)).build())
                .hasMessage("evaluate.bootstrap: confidence must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> Gpt2.preset("huge"))
                .hasMessage("model: preset must be one of [tiny, small, standard], was 'huge'");
        assertThatThrownBy(() -> base().evaluate(e -> e.baselines(new Averaging(), new Averaging())).build())
                .hasMessage("evaluate: baselines must not repeat a learner, was [averaging, averaging]");
    }

    @Test
    void defaultsAreGargs() {
        Experiment e = base().build();
        assertThat(e.train().batch()).isEqualTo(64);
        assertThat(e.train().optimizer()).isEqualTo(new Adam(1e-4, 0.9, 0.999, 1e-8));
        assertThat(e.train().curriculum()).isEqualTo(new Curriculum(Schedule.fixed(5), Schedule.fixed(11)));
        assertThat(e.evaluate().prompts()).isEqualTo(1280);
        assertThat(e.evaluate().points()).isEqualTo(11);
        assertThat(e.evaluate().bootstrap()).isEqualTo(new Bootstrap(1000, 0.9));
        assertThat(e.evaluate().baselines()).containsExactly(new LeastSquares(), new NearestNeighbors(3), new Averaging());
        assertThat(Gpt2.preset("small")).isEqualTo(new Gpt2(6, 4, 128, 101));
        assertThat(Gpt2.preset("standard")).isEqualTo(new Gpt2(12, 8, 256, 101));
    }

    @Test
    void scheduleGrowsByIncrementEveryIntervalUpToEnd() {
        Schedule garg = new Schedule(5, 20, 1, 2000);
        assertThat(garg.at(0)).isEqualTo(5);
        assertThat(garg.at(1999)).isEqualTo(5);
        assertThat(garg.at(2000)).isEqualTo(6);
        assertThat(garg.at(29_999)).isEqualTo(19);
        assertThat(garg.at(30_000)).isEqualTo(20);
        assertThat(garg.at(500_000)).isEqualTo(20);
        assertThat(Schedule.fixed(11).at(123_456)).isEqualTo(11);
    }

    private static Experiment.Builder base() {
        return Experiment.builder("v").task(new LinearRegression(5)).prompt(new Interleaved(11)).model(Gpt2.preset("tiny"));
    }
}
