package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Context inputs in one orthant per prompt, |x|·s for a random sign pattern s, and the query at k in the opposite
 * orthant: −|x_k|·s.
 *
 * <pre>
 * Java:   Iclab.oppositeQuadrants()  Groovy:  strategies oppositeQuadrants()
 * </pre>
 */
@Setting("Context inputs in one random orthant per prompt; the query in the opposite orthant.")
@Word("oppositeQuadrants")
public record OppositeQuadrants() implements Strategy {
    @Override
    public boolean queryDiffers() {
        return true;
    }
}
