package org.iclab.spec.baseline;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Predicts 0 whatever the examples (Garg et al.'s "zero" model): the error of knowing nothing about the function.
 *
 * <pre>
 * Java:   Iclab.zero()                        Groovy:  zero()
 * </pre>
 */
@Setting("Predicts 0 whatever the examples.")
@Word("zero")
public record Zero() implements Baseline {
}
