package org.iclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.Iclab;
import org.iclab.io.AtomicFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says when a run fails for reasons of the user's setting or machine: one line, exit 2. */
class RunFailuresTest {
    @TempDir
    Path tmp;

    @AfterEach
    void noFaults() {
        AtomicFiles.injectFaults(null);
    }

    private static String script(String lr) {
        return """
                experiment('failing') {
                    task linearRegression(dims: 3)
                    prompt interleaved(points: 5)
                    model gpt2 { layers 1; heads 2; embed 16; positions 8 }
                    train { steps 30; batch 8; logEvery 5; checkpointEvery 10; optimizer adam(lr: %s) }
                    evaluate { prompts 16; resamples 20; baselines leastSquares() }
                }
                """.formatted(lr);
    }

    private int iclab(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false, Iclab::run, args);
    }

    @Test
    void aDivergingRunIsAUserErrorThatNamesTheSettingAndNoCheckpointItDoesNotHave() throws Exception {
        Path script = Files.writeString(tmp.resolve("lr.groovy"), script("1e9"));
        StringWriter err = new StringWriter();
        assertThat(iclab(err, "run", script.toString(), "--out", tmp.resolve("run").toString(), "--threads", "1")).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString().strip()).matches("iclab: training diverged at step [23]: the loss is (NaN|Infinity), at a learning rate of"
                + " 1\\.0E9\\. Set a smaller train\\.optimizer\\.lr, or train\\.onDivergence 'rollback'\\. No checkpoint was written before it"
                + " \\(train\\.checkpointEvery 10\\)");
    }

    @Test
    void aFullDiskWhileCheckpointingIsOneLineThatSaysWhatIsIntact() throws Exception {
        Path script = Files.writeString(tmp.resolve("disk.groovy"), script("1e-3"));
        Path run = tmp.resolve("run");
        int[] checkpoints = {0};
        AtomicFiles.injectFaults((step, path) -> { // the second checkpoint (step 20) finds the disk full
            if (step.equals("mkdir") && path.getFileName().toString().startsWith(".latest.") && ++checkpoints[0] == 2) {
                throw new IOException("No space left on device");
            }
        });
        StringWriter err = new StringWriter();
        assertThat(iclab(err, "run", script.toString(), "--out", run.toString(), "--threads", "1")).isEqualTo(Main.USER_ERROR);
        assertThat(err.toString().strip()).isEqualTo("iclab: could not write the checkpoint of step 20 under " + run.resolve("checkpoint")
                + ": No space left on device; the checkpoint of step 10 is intact in " + run.resolve("checkpoint/latest"));
        AtomicFiles.injectFaults(null);
        StringWriter resumed = new StringWriter();
        assertThat(iclab(resumed, "resume", run.toString(), "--threads", "1")).as(resumed.toString()).isZero();
        assertThat(run.resolve("eval.csv")).isRegularFile();
    }
}
