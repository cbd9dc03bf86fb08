package org.iclab.samples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iclab.spec.baseline.Baseline;
import org.junit.jupiter.api.Test;

/** The evaluation benchmark runs every baseline and prints one RESULT line for each (tiny sizes). */
class EvaluationBenchmarkTest {
    @Test
    void printsOneResultPerBaseline() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EvaluationBenchmark.main(new String[] {"--prompts", "3", "--points", "9", "--dims", "3", "--warmup", "1", "--threads", "2", "--reps", "2", "--warmup-seconds", "0"});
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(EvaluationBenchmark.BASELINES.size());
        for (int i = 0; i < lines.size(); i++) {
            Baseline b = EvaluationBenchmark.BASELINES.get(i);
            assertThat(lines.get(i)).startsWith("RESULT baseline=" + b.learnerName() + " prompts=3 points=9 dims=3 threads=2 reps=2 wall_s=")
                    .contains("first_wall_s=", "us_per_prefix=", "prompts_per_s=", "cpu_s=", "peak_rss_mb=");
        }
    }
}
