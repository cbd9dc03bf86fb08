package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
/**
 * The experiment's own prompts, drawn as in training (all task dimensions active) from the evaluation seed.
 *
 * <pre>
 * Java:   Iclab.standard()  Groovy:  strategies standard()
 * </pre>
 */
@Setting("The experiment's own prompts (in distribution).")
public record Standard() implements Strategy {
    @Override
    public String label() {
        return "standard";
    }
}
