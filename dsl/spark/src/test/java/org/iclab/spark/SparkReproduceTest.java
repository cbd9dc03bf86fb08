package org.iclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.Iclab;
import org.iclab.claim.Reproduction;
import org.iclab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reproduction whose runs run on Spark's {@code local[2]} reads the same claims as one run on this machine. */
class SparkReproduceTest {
    static final String SCRIPT = SparkSweepTest.SCRIPT.replace("sweep { axis 'seed', 0..2 }", """
            claims {
                claim('the model is above least squares at k = 4', atLeast: 0) { error('spark', k: 4) - error('spark', learner: 'leastSquares', k: 4) }
            }
            """);

    @TempDir
    Path tmp;

    @Test
    void aReproductionOnSparkReadsTheSameClaimsAsOnThisMachine() throws Exception {
        Path script = Files.writeString(tmp.resolve("spark.groovy"), SCRIPT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, "reproduce", script.toString(),
                "--seeds", "2", "--out", tmp.resolve("local").toString(), "--parallel", "2", "--threads", "2")).as(err.toString()).isZero();
        assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), false, Iclab::run, "reproduce", script.toString(),
                "--seeds", "2", "--out", tmp.resolve("spark").toString(), "--parallel", "2", "--threads", "2", "--on", "spark")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("spark: master local[2]");
        Reproduction local = Reproduction.read(tmp.resolve("local").resolve(Reproduction.FILE));
        Reproduction spark = Reproduction.read(tmp.resolve("spark").resolve(Reproduction.FILE));
        assertThat(spark.claims().get(0).values()).hasSize(2).isEqualTo(local.claims().get(0).values());
        assertThat(spark.runs()).allSatisfy(r -> assertThat(r.provenance()).isNotNull());
    }
}
