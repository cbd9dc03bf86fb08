package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The experiment's own prompts, drawn as in training (all task dimensions active) from the evaluation seed.
 *
 * <pre>
 * Java:   Iclab.standard()  Groovy:  strategies standard()
 * </pre>
 */
@Setting("The experiment's own prompts (in distribution).")
@Word("standard")
public record Standard() implements Strategy {
}
