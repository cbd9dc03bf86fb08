package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.task.Sinusoid;

/**
 * The draw of {@link Sinusoid}: per prompt, from its stream, the amplitude, the frequency, the phase, then d
 * Gaussians normalised over the active coordinates for the direction u; y = A·sin(ω·u·x + φ).
 */
final class SinusoidClass {
    private SinusoidClass() {
    }

    static TaskFunction draw(Sinusoid task, SplittableRandom rng, int activeDims) {
        double amplitude = task.amplitude().draw(rng);
        double frequency = task.frequency().draw(rng);
        double phase = 2 * Math.PI * rng.nextDouble();
        double[] u = FunctionClasses.gaussians(rng, task.dims());
        double norm = 0;
        for (int j = 0; j < activeDims; j++) {
            norm += u[j] * u[j];
        }
        double scale = 1 / Math.sqrt(norm);
        return (xs, offset) -> {
            double dot = 0;
            for (int j = 0; j < activeDims; j++) {
                dot += u[j] * scale * xs[offset + j];
            }
            return amplitude * Math.sin(frequency * dot + phase);
        };
    }
}
