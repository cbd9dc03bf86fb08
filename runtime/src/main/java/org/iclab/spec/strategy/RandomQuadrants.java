package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Context inputs in one orthant per prompt: |x|·s for a random sign pattern s per prompt; the query at k is a plain
 * draw x_k, in any orthant.
 *
 * <pre>
 * Java:   Iclab.randomQuadrants()  Groovy:  strategies randomQuadrants()
 * </pre>
 */
@Setting("Context inputs in one random orthant per prompt (|x| times a sign pattern); the query is a plain"
        + " input.")
@Word("randomQuadrants")
public record RandomQuadrants() implements Strategy {
    @Override
    public boolean queryDiffers() {
        return true;
    }
}
