package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.spec.optimizer.Optimizer;
import org.iclab.spec.optimizer.Sgd;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/**
 * SGD's updates in the compiled graph against PyTorch's {@code torch.optim.SGD} written out here in Java from the
 * graph's own gradients: p ← p − lr (g + wd p); with momentum b ← μ b + g + wd p, p ← p − lr b; Nesterov
 * p ← p − lr (g + wd p + μ b).
 */
class SgdTest {
    private static Experiment experiment(Optimizer optimizer) {
        return Iclab.experiment("sgd").seed(3).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5))
                .model(Iclab.gpt2(m -> m.layers(1).heads(1).embed(8).positions(8)))
                .train(t -> t.steps(10).batch(4).optimizer(optimizer)).build();
    }

    /** Parameters before each step and the gradients at them, and the parameters after the last, over {@code steps} steps. */
    private record Trace(List<Map<String, float[]>> params, List<Map<String, float[]>> grads) {
    }

    private static Trace trace(Sgd sgd, int steps) {
        Experiment e = experiment(sgd);
        Trace t = new Trace(new java.util.ArrayList<>(), new java.util.ArrayList<>());
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(3);
            PromptBatch b = PromptSampler.of(e).sample(1, 4, 5, 3);
            for (int s = 1; s <= steps; s++) {
                t.params.add(m.parameterValues());
                t.grads.add(m.gradients(b));
                m.trainStep(b, s);
            }
            t.params.add(m.parameterValues());
        }
        return t;
    }

    private static void assertClose(float[] actual, double[] expected, String name) {
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as(name + "[" + i + "]").isCloseTo(expected[i], within(1e-6 + 1e-5 * Math.abs(expected[i])));
        }
    }

    @Test
    void plainSgdWithWeightDecayStepsAlongTheGradientPlusTheL2Term() {
        double lr = 0.05;
        double wd = 0.1;
        Trace t = trace(new Sgd(lr, 0, wd, false, 0, "constant", 0, 0), 2);
        int checked = 0;
        for (int s = 0; s < 2; s++) {
            for (String name : t.params.get(s).keySet()) {
                float[] p = t.params.get(s).get(name);
                float[] g = t.grads.get(s).get(name);
                double[] expected = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    expected[i] = p[i] - lr * (g[i] + wd * p[i]);
                }
                assertClose(t.params.get(s + 1).get(name), expected, name);
                checked += p.length;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void momentumKeepsABufferAndNesterovStepsAlongTheGradientPlusMomentumTimesIt() {
        double lr = 0.05;
        double mu = 0.9;
        double wd = 0.01;
        for (boolean nesterov : new boolean[] {false, true}) {
            Trace t = trace(new Sgd(lr, mu, wd, nesterov, 0, "constant", 0, 0), 3);
            Map<String, double[]> buffer = new HashMap<>();
            for (int s = 0; s < 3; s++) {
                for (String name : t.params.get(s).keySet()) {
                    float[] p = t.params.get(s).get(name);
                    float[] g = t.grads.get(s).get(name);
                    double[] b = buffer.computeIfAbsent(name, n -> new double[p.length]);
                    double[] expected = new double[p.length];
                    for (int i = 0; i < p.length; i++) {
                        double gi = g[i] + wd * p[i];
                        b[i] = mu * b[i] + gi; // PyTorch: b = g at the first step, which is μ·0 + g
                        expected[i] = p[i] - lr * (nesterov ? gi + mu * b[i] : b[i]);
                    }
                    assertClose(t.params.get(s + 1).get(name), expected, (nesterov ? "nesterov " : "") + name + " step " + (s + 1));
                }
            }
        }
    }

    @Test
    void theScheduleIsTheSharedOneAndBadSettingsAreNamed() {
        Sgd cosine = new Sgd(1.0, 0, 0, false, 0.2, "cosine", 0.1, 0.5);
        assertThat(cosine.lrAt(1, 10)).isEqualTo(0.75); // warm-up from 0.5: 0.5 + 0.5 · 1/2
        assertThat(cosine.lrAt(2, 10)).isEqualTo(1.0);
        assertThat(cosine.lrAt(10, 10)).isCloseTo(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 7 / 8)), within(1e-12));
        assertThat(new Sgd(0.01).scheduled()).isFalse();
        assertThatThrownBy(() -> new Sgd(0.01, 1.0, -1, true, 0, "constant", 0, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("momentum must be in [0, 1), was 1.0")
                .hasMessageContaining("weightDecay must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> new Sgd(0.01, 0, 0, true, 0, "constant", 0, 0)).hasMessageContaining("nesterov needs momentum > 0");
    }
}
