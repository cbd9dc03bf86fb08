package org.iclab.spec.probe;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The moment X^T y / k of the first k examples (Akyürek et al.'s "moment" probe): one gradient step from 0 with step
 * size 1 on the loss ||Xw - y||² / (2k); 0 at k = 0.
 *
 * <pre>
 * Java:   Iclab.momentXy()                    Groovy:  linear(target: momentXy())
 * </pre>
 */
@Setting("The moment X^T y / k of the first k examples.")
@Word("momentXy")
public record MomentXy() implements Target {
}
