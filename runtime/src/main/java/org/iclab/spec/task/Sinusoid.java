package org.iclab.spec.task;

import org.iclab.spec.Interval;
import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Sinusoids (Yadlowsky et al. 2023's families outside a mixture): per prompt an amplitude A, a frequency ω and a phase
 * φ, each uniform on its interval (φ on [0, 2π)), and a direction u uniform on the unit sphere (±1 where d = 1);
 * y = A·sin(ω·u·x + φ). Errors are squared errors, not divided.
 *
 * <pre>
 * Java:   Iclab.sinusoid(1)                   Groovy:  task sinusoid(dims: 1, frequency: 0.5..2, amplitude: 1)
 * </pre>
 */
@Setting("Sinusoids: per prompt y = A sin(w u.x + phi), A and w uniform on their intervals, phi on [0, 2 pi), u a random unit direction.")
@Word("sinusoid")
public record Sinusoid(@Setting(value = "Input dimension d.", range = "> 0") int dims,
                       @Setting(value = "The interval the amplitude A is drawn from.", range = "min >= 0", defaults = "1") Interval amplitude,
                       @Setting(value = "The interval the frequency w is drawn from.", range = "min >= 0", defaults = "0.5..2") Interval frequency)
        implements Task {
    public Sinusoid {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .require(amplitude != null && amplitude.min() >= 0, "amplitude", "must be an interval of numbers >= 0", amplitude)
                .require(frequency != null && frequency.min() >= 0, "frequency", "must be an interval of numbers >= 0", frequency)
                .throwIfAny();
    }

    public Sinusoid(int dims) {
        this(dims, Interval.of(1), new Interval(0.5, 2));
    }

    @Override
    public Objective objective() {
        return Objective.squaredError(Objective.SquaredError.NONE, 1);
    }
}
