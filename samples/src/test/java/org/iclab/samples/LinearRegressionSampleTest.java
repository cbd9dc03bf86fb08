package org.iclab.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample as the build's proof that the tiny model learns linear regression in context. */
class LinearRegressionSampleTest {
    static final int STEPS = Integer.getInteger("iclab.sample.steps", 3000);

    @Test
    void tinyModelLearnsLinearRegressionInContext(@TempDir Path tmp) throws Exception {
        LinearRegressionSample.main(new String[] {Integer.toString(STEPS), tmp.resolve("run").toString()});
        Map<String, Double> atK10 = new HashMap<>();
        List<String> lines = Files.readAllLines(tmp.resolve("run/eval.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[2].equals("10")) {
                atK10.put(f[1], Double.parseDouble(f[3]));
            }
        }
        double model = atK10.get("model");
        double averaging = atK10.get("averaging");
        double leastSquares = atK10.get("leastSquares");
        // Far below averaging, and on the way to least squares (which is exact at k = 10 > d = 5).
        assertThat(model).isLessThan(0.5 * averaging);
        assertThat(model).isLessThan(atK10.get("nearestNeighbors"));
        assertThat(leastSquares).isLessThan(1e-6);
        // At k = 0 nothing is known: every learner is near the prior variance (E y² / d = 1).
        assertThat(lines).anyMatch(l -> l.startsWith("standard,model,0,"));
    }
}
