package org.iclab.spec.probe;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * A control whose targets are the real ones dealt to the wrong prompts (a random permutation of the fit prompts,
 * from the probe seed): the same distribution of targets, no relation to the hidden state. A probe that scores
 * well on held-out prompts after this has memorised nothing it could use, so the control shows how far below 0 the
 * probe's capacity alone (over-fitting) takes the score.
 *
 * <pre>
 * Java:   Iclab.shuffled()                    Groovy:  control(weights: shuffled())
 * </pre>
 */
@Setting("Control target: the real targets of the fit prompts, permuted among them.")
@Word("shuffled")
public record Shuffled() implements ControlTask {
}
