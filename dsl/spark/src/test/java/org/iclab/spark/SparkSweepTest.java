package org.iclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.Iclab;
import org.iclab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run locally and on Spark's {@code local[2]}, on a shared folder and with run directories copied back, gives
 * the same sweep.csv; a point that fails on an executor is reported as a local failure is.
 */
class SparkSweepTest {
    static final String SCRIPT = """
            experiment('spark') {
                task linearRegression(dims: 3)
                prompt interleaved(points: 5)
                model gpt2 { layers 1; heads 1; embed 8; positions 8 }
                train { steps 40; batch 8; checkpointEvery 20 }
                evaluate { prompts 32; resamples 20; baselines leastSquares() }
            }
            sweep { axis 'seed', 0..2 }
            """;

    @TempDir
    Path tmp;

    private int iclab(StringWriter out, StringWriter err, String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, args);
    }

    @Test
    void aSweepOnSparkGivesTheSameTableAsOnThisMachine() throws Exception {
        Path script = Files.writeString(tmp.resolve("spark.groovy"), SCRIPT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(iclab(out, err, "sweep", script.toString(), "--out", tmp.resolve("local").toString(), "--parallel", "2", "--threads", "2"))
                .as(err.toString()).isZero();
        assertThat(iclab(out, err, "sweep", script.toString(), "--out", tmp.resolve("spark").toString(), "--parallel", "2", "--threads", "2",
                "--on", "spark")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("spark: master local[2], shared filesystem");
        String local = Files.readString(tmp.resolve("local/sweep.csv"));
        assertThat(local.lines()).hasSizeGreaterThan(10);
        assertThat(Files.readString(tmp.resolve("spark/sweep.csv"))).isEqualTo(local);
        assertThat(tmp.resolve("spark/seed=2/model")).isDirectory();

        System.setProperty(SparkSweeps.COPY_BACK, "true"); // SparkConf reads spark.* system properties
        try {
            assertThat(iclab(out, err, "sweep", script.toString(), "--out", tmp.resolve("copied").toString(), "--parallel", "2",
                    "--threads", "2", "--on", "spark")).as(err.toString()).isZero();
        } finally {
            System.clearProperty(SparkSweeps.COPY_BACK);
        }
        assertThat(out.toString()).contains("run directories copied back to the driver");
        assertThat(Files.readString(tmp.resolve("copied/sweep.csv"))).isEqualTo(local);
        assertThat(tmp.resolve("copied/seed=1/checkpoint")).isDirectory();
    }

    @Test
    void aPointThatFailsOnAnExecutorIsReportedAndTheOthersGoOn() throws Exception {
        // a frozen prefix that names no parameter is found when the model is built, on the executor
        Path script = Files.writeString(tmp.resolve("spark.groovy"), SCRIPT.replace("sweep { axis 'seed', 0..2 }",
                "sweep { axis 'train.freeze', ['[\"nothing/\"]', '[\"h0/\"]'] }"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(iclab(out, err, "sweep", script.toString(), "--out", tmp.resolve("failing").toString(), "--on", "spark", "--threads", "1"))
                .isEqualTo(1);
        assertThat(err.toString()).as(out.toString()).contains("failed: ").contains("freeze must each start some parameter's name")
                .contains("(on Spark executor ");
        String json = Files.readString(tmp.resolve("failing/sweep.json"));
        assertThat(json).contains("\"status\" : \"failed\"").contains("\"status\" : \"done\"");
    }
}
