package org.iclab.spec.probe;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * A control whose target is the same vector for every prompt (the fit prompts' mean target): a probe can only learn
 * that vector, so the control scores what predicting no difference between prompts scores (R² ≈ 0, slightly below
 * from the fit and held-out means differing).
 *
 * <pre>
 * Java:   Iclab.constant()                    Groovy:  control(weights: constant())
 * </pre>
 */
@Setting("Control target: one fixed vector (the fit prompts' mean target) for every prompt.")
@Word("constant")
public record Constant() implements ControlTask {
}
