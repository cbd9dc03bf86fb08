package org.iclab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.iclab.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsInRunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void writePlotsDrawsTheWholeMetricsFileWithResumedStepsOnce() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.logged(new TrainingLog(10, 4.0, 100, 5, 11, 0.1));
        dir.logged(new TrainingLog(20, 2.0, 100, 5, 11, 0.2));
        dir.logged(new TrainingLog(30, 1.5, 100, 5, 11, 0.3)); // then the run crashed before its step-30 checkpoint
        dir.logged(new TrainingLog(30, 1.0, 90, 5, 11, 0.1));  // resumed from step 20: step 30 again
        dir.logged(new TrainingLog(40, 0.3, 90, 5, 11, 0.2));

        assertThat(dir.trainingLogs()).containsExactly(
                new TrainingLog(10, 4.0, 100, 5, 11, 0.1),
                new TrainingLog(20, 2.0, 100, 5, 11, 0.2),
                new TrainingLog(30, 1.0, 90, 5, 11, 0.1),
                new TrainingLog(40, 0.3, 90, 5, 11, 0.2));

        dir.writePlots(PlotsTest.experiment(), PlotsTest.curves("standard"));
        Path plots = tmp.resolve("run").resolve(RunDirectory.PLOTS);
        for (String f : List.of("error-standard.png", "error-standard.svg", "error-standard-log.png",
                "error-standard-log.svg", "loss.png", "loss.svg")) {
            assertThat(plots.resolve(f)).as(f).isRegularFile();
        }
        assertThat(PlotsTest.only(PlotsTest.parse(plots.resolve("loss.svg")), "desc"))
                .isEqualTo("lr-tiny: training loss against step, 4 logged steps from 10 to 40; loss at each logged step.");
    }

    @Test
    void aRunWithNothingLoggedHasNoLossFigure() {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        assertThat(dir.trainingLogs()).isEmpty();
        dir.writePlots(PlotsTest.experiment(), PlotsTest.curves("standard"));
        assertThat(tmp.resolve("run/plots/error-standard.png")).isRegularFile();
        assertThat(tmp.resolve("run/plots/loss.png")).doesNotExist();
    }

    @Test
    void aBrokenMetricsLineIsReportedWithFileAndLine() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.logged(new TrainingLog(10, 4.0, 100, 5, 11, 0.1));
        Path metrics = tmp.resolve("run").resolve(RunDirectory.METRICS);
        Files.writeString(metrics, "{\"step\": 20, \"los\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // the last line cut short by a kill is skipped (a resume drops it)
        assertThat(dir.trainingLogs()).extracting(TrainingLog::step).containsExactly(10L);

        dir.logged(new TrainingLog(30, 3.0, 100, 5, 11, 0.3)); // a broken line inside the file is an error
        assertThatThrownBy(dir::trainingLogs)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("could not read " + metrics)
                .cause().hasMessageStartingWith(metrics + ":2: not a line of metrics.jsonl (");
    }
}
