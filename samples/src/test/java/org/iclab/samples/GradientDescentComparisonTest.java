package org.iclab.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iclab.Iclab.*;

import java.nio.file.Path;
import java.util.Map;
import org.iclab.graph.CompiledModel;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.train.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison on a run whose checkpoint holds von Oswald's construction with step size c: its sensitivities are
 * those of GD (cosine 1), and its distance from the best-step GD is (c − η*)² E[g²], i.e. relative (c/η* − 1)².
 */
class GradientDescentComparisonTest {
    @Test
    void aConstructedGradientStepIsRecognisedAsOne(@TempDir Path tmp) {
        int d = 4;
        Experiment e = experiment("gd").task(linearRegression(d)).inputs(uniform(-0.5, 0.5)).prompt(stacked(7, true, "none"))
                .model(linearAttention(1)).train(t -> t.steps(1).lossAt("last")).evaluate(v -> v.prompts(200)).build();
        RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
        dir.writeSpec(e);
        double c = 1.5;
        try (CompiledModel model = CompiledModel.compile(e, 1)) {
            int w = d + 1;
            float[] kq = new float[w * w];
            float[] v = new float[w * w];
            float[] p = new float[w * w];
            for (int j = 0; j < d; j++) {
                kq[j * w + j] = 1;
            }
            v[d * w + d] = (float) c;
            for (int j = 0; j < w; j++) {
                p[j * w + j] = 1;
            }
            model.assign(Map.of("lsa0/q", kq, "lsa0/k", kq, "lsa0/v", v, "lsa0/p", p));
            new Checkpoints(dir.resolve(RunDirectory.CHECKPOINT)).save(model, 1, 0);
        }
        Map<String, Object> r = GradientDescentComparison.compare(dir.path());
        double eta = (double) r.get("best_eta");
        assertThat(eta).isPositive();
        assertThat((double) r.get("sensitivity_cosine")).isCloseTo(1, within(1e-3));
        assertThat((double) r.get("prediction_distance_relative")).isCloseTo((c / eta - 1) * (c / eta - 1), within(1e-3));
        assertThat((double) r.get("gd_squared_error")).isLessThan((double) r.get("zero_squared_error"));
    }
}
