package org.iclab.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.iclab.Iclab;
import org.iclab.spec.optimizer.Adam;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.junit.jupiter.api.Test;

/** The learning-rate warm-up and cosine decay, and AdamW's decoupled weight decay, in the compiled graph. */
class OptimizerScheduleTest {
    @Test
    void theLearningRateWarmsUpLinearlyThenFollowsTheCosine() {
        Adam a = new Adam(1.0, 0.9, 0.999, 1e-8, 0, 0.2, Adam.COSINE);
        // 10 steps, W = 2 warm-up steps: 1/2, 1, then ½(1 + cos(π (i − 2) / 8)) for i = 2..9
        assertThat(a.lrAt(1, 10)).isEqualTo(0.5);
        assertThat(a.lrAt(2, 10)).isEqualTo(1.0);
        assertThat(a.lrAt(3, 10)).isEqualTo(1.0);
        assertThat(a.lrAt(6, 10)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 3 / 8)), within(1e-12));
        assertThat(a.lrAt(10, 10)).isCloseTo(0.5 * (1 + Math.cos(Math.PI * 7 / 8)), within(1e-12));
        Adam constant = new Adam(0.3, 0.9, 0.999, 1e-8, 0, 0.5, Adam.CONSTANT);
        assertThat(constant.lrAt(1, 4)).isCloseTo(0.15, within(1e-12));
        assertThat(constant.lrAt(3, 4)).isEqualTo(0.3);
        assertThat(new Adam(1e-3).scheduled()).isFalse();
        // Raventós et al.'s triangle: half the steps up, half linearly down to 0
        Adam triangle = new Adam(1.0, 0.9, 0.999, 1e-8, 0, 0.5, Adam.LINEAR);
        assertThat(triangle.lrAt(1, 8)).isEqualTo(0.25);
        assertThat(triangle.lrAt(4, 8)).isEqualTo(1.0);
        assertThat(triangle.lrAt(5, 8)).isEqualTo(1.0);
        assertThat(triangle.lrAt(7, 8)).isEqualTo(0.5);
        assertThat(triangle.lrAt(8, 8)).isEqualTo(0.25);
        assertThat(triangle.scheduled()).isTrue();
        assertThatThrownBy(() -> new Adam(1e-3, 0.9, 0.999, 1e-8, -1, 0, "step")).isInstanceOf(SpecException.class)
                .hasMessageContaining("weightDecay must be a finite number >= 0")
                .hasMessageContaining("schedule must be 'constant', 'cosine' or 'linear'");
    }

    @Test
    void aDecayEndsAtItsFloorAndAWarmUpStartsFromItsRate() {
        // RegBench's cosine to 0.1 · lr after a 10% warm-up, here from 0.2: 20 steps, W = 2
        Adam a = new Adam(1.0, 0.9, 0.999, 1e-8, 0, 0.1, Adam.COSINE, 0.1, 0.2);
        assertThat(a.lrAt(1, 20)).isCloseTo(0.6, within(1e-12)); // 0.2 + 0.8 · 1/2
        assertThat(a.lrAt(2, 20)).isEqualTo(1.0);
        assertThat(a.lrAt(3, 20)).isEqualTo(1.0); // the decay's first step: cos 0
        for (long step = 3; step <= 20; step++) {
            double expected = 0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * (step - 3) / 18.0));
            assertThat(a.lrAt(step, 20)).as("step " + step).isCloseTo(expected, within(1e-12)).isGreaterThan(0.1);
        }
        Adam linear = new Adam(1.0, 0.9, 0.999, 1e-8, 0, 0, Adam.LINEAR, 0.25, 0);
        assertThat(linear.lrAt(1, 4)).isEqualTo(1.0);
        assertThat(linear.lrAt(3, 4)).isCloseTo(0.25 + 0.75 * 0.5, within(1e-12));
        // without a floor or a starting rate, the rates are the ones before the settings existed, to the bit
        Adam cosine = new Adam(3e-4, 0.9, 0.999, 1e-8, 0, 0.05, Adam.COSINE);
        for (long step = 1; step <= 100; step++) {
            long i = step - 1;
            long w = Math.round(0.05 * 100);
            double before = i < w ? 3e-4 * (i + 1) / w : 3e-4 * 0.5 * (1 + Math.cos(Math.PI * (i - w) / (double) (100 - w)));
            assertThat(cosine.lrAt(step, 100)).isEqualTo(before);
        }
        assertThatThrownBy(() -> new Adam(1e-3, 0.9, 0.999, 1e-8, 0, 0, Adam.CONSTANT, 1e-4, 0)).isInstanceOf(SpecException.class)
                .hasMessageContaining("minLr is the floor of a decay: set schedule 'cosine' or 'linear'");
        assertThatThrownBy(() -> new Adam(1e-3, 0.9, 0.999, 1e-8, 0, 0, Adam.COSINE, 2e-3, 1e-4)).isInstanceOf(SpecException.class)
                .hasMessageContaining("minLr must be a finite number >= 0 and below lr (0.001), was 0.002")
                .hasMessageContaining("warmupFrom is where a warm-up starts: set warmup > 0");
    }

    private static Experiment experiment(Adam adam) {
        return Iclab.experiment("o").seed(2).task(Iclab.linearRegression(3)).prompt(Iclab.interleaved(5))
                .model(Iclab.gpt2(m -> m.layers(1).heads(1).embed(8).positions(8)))
                .train(t -> t.steps(10).batch(4).optimizer(adam)).build();
    }

    /** The parameters after {@code steps} steps from the seeded initialisation. */
    private static Map<String, float[]> trained(Adam adam, int steps, Map<String, float[]> before) {
        Experiment e = experiment(adam);
        try (CompiledModel m = CompiledModel.compile(e, 1)) {
            m.initialize(2);
            before.putAll(m.parameterValues());
            PromptBatch b = PromptSampler.of(e).sample(1, 4, 5, 3);
            for (int s = 1; s <= steps; s++) {
                m.trainStep(b, s);
            }
            return m.parameterValues();
        }
    }

    @Test
    void adamWShrinksEachParameterByTheLearningRateTimesTheDecayBeforeItsAdamStep() {
        Map<String, float[]> init = new java.util.HashMap<>();
        Map<String, float[]> plain = trained(new Adam(1e-2), 1, init);
        Map<String, float[]> decayed = trained(new Adam(1e-2, 0.9, 0.999, 1e-8, 0.5, 0, Adam.CONSTANT), 1, new java.util.HashMap<>());
        int checked = 0;
        for (String name : plain.keySet()) {
            float[] p0 = init.get(name);
            for (int i = 0; i < p0.length; i++) {
                // one step: p1 = p0 (1 − lr·wd) − (the same Adam step, from the same gradient at p0)
                assertThat(decayed.get(name)[i] - plain.get(name)[i]).as(name).isCloseTo(-1e-2f * 0.5f * p0[i], within(2e-6f));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aConstantScheduleFedEachStepTrainsAsTheGraphConstantDoes() {
        // warm-up over 0 steps and a constant schedule is the plain path; a 10-step cosine with no warm-up starts at lr
        Map<String, float[]> plain = trained(new Adam(1e-2), 1, new java.util.HashMap<>());
        Map<String, float[]> cosine = trained(new Adam(1e-2, 0.9, 0.999, 1e-8, 0, 0, Adam.COSINE), 1, new java.util.HashMap<>());
        for (String name : plain.keySet()) {
            assertThat(cosine.get(name)).as(name).containsExactly(plain.get(name));
        }
        // a warm-up's first step is lr / W: smaller moves than the plain first step
        Map<String, float[]> init = new java.util.HashMap<>();
        Map<String, float[]> warm = trained(new Adam(1e-2, 0.9, 0.999, 1e-8, 0, 0.5, Adam.CONSTANT), 1, init);
        String name = plain.keySet().iterator().next();
        double plainMove = 0;
        double warmMove = 0;
        for (String n : plain.keySet()) {
            for (int i = 0; i < init.get(n).length; i++) {
                plainMove += Math.abs(plain.get(n)[i] - init.get(n)[i]);
                warmMove += Math.abs(warm.get(n)[i] - init.get(n)[i]);
            }
        }
        assertThat(warmMove / plainMove).as(name).isCloseTo(0.2, within(0.01)); // W = 5 of 10 steps: lr / 5
    }
}
