package org.iclab.spec.inputs;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Inputs with independent coordinates uniform on [low, high) (von Oswald et al. use [−½, ½)); coordinates at or past
 * the curriculum's active dimensions are 0.
 *
 * <pre>
 * Java:   Iclab.uniform(-0.5, 0.5)            Groovy:  inputs uniform(low: -0.5, high: 0.5)
 * </pre>
 */
@Setting("Inputs with independent coordinates uniform on [low, high) (von Oswald et al.: [-0.5, 0.5)).")
@Word("uniform")
public record Uniform(
        @Setting(value = "Lower end of every coordinate's range.", range = "a finite number < high") double low,
        @Setting(value = "Upper end of every coordinate's range.", range = "a finite number > low") double high) implements Inputs {
    public Uniform {
        Problems.in("inputs")
                .require(Double.isFinite(low), "low", "must be a finite number", low)
                .require(Double.isFinite(high), "high", "must be a finite number", high)
                .require(!(low >= high), "high", "must be > low", high + " <= " + low)
                .throwIfAny();
    }
}
