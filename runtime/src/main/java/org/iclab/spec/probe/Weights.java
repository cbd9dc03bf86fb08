package org.iclab.spec.probe;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The true weights w of each prompt's function (y = w·x; for linear classification y = sign(w·x)), the same at every
 * k: a probe for it asks how much of the task the hidden state has already identified. Only for the linear function
 * classes (linear, sparse, noisy regression and linear classification).
 *
 * <pre>
 * Java:   Iclab.weights()                     Groovy:  linear(target: weights())
 * </pre>
 */
@Setting("The true weights w of each prompt's function (linear function classes only).")
@Word("weights")
public record Weights() implements Target {
    @Override
    public boolean needsWeights() {
        return true;
    }
}
