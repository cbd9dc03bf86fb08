package org.iclab.samples.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure of several runs' curves reads each run's standard rows, turns errors into accuracies, and writes a PNG. */
class CurvesFigureTest {
    @TempDir
    Path tmp;

    @Test
    void readsOneLearnersStandardRowsAsAccuracyAndDrawsThem() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(run.resolve("eval.csv"), """
                strategy,learner,k,error,ci_low,ci_high
                standard,model,0,0.5,0.4,0.6
                standard,model,1,0.25,0.2,0.3
                standard,elimination,0,0.75,0.7,0.8
                scaledX(2),model,0,0.9,0.8,1.0
                """);
        CurvesFigure.Curve c = CurvesFigure.read(run, "model", "GPT-2", true);
        assertThat(c.k()).containsExactly(0, 1);
        assertThat(c.value()).containsExactly(0.5, 0.75);
        assertThat(c.low()).containsExactly(0.4, 0.7);
        assertThat(c.high()).containsExactly(0.6, 0.8);
        assertThat(CurvesFigure.read(run, "elimination", "e", false).value()).containsExactly(0.75);
        assertThatThrownBy(() -> CurvesFigure.read(run, "perceptron", "p", true)).hasMessageContaining("perceptron");

        Path png = tmp.resolve("fig.png");
        CurvesFigure.draw(png, "t", true, List.of(c, CurvesFigure.read(run, "elimination", "e", true)));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
