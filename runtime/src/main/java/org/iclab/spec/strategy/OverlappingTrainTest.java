package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The query at k repeats a context input: x_j for j drawn uniformly from 0..k-1 (x_0 itself at k = 0), with its own
 * y, f(x_j).
 *
 * <pre>
 * Java:   Iclab.overlappingTrainTest()  Groovy:  strategies overlappingTrainTest()
 * </pre>
 */
@Setting("The query at k is one of the k context inputs, drawn uniformly.")
@Word("overlappingTrainTest")
public record OverlappingTrainTest() implements Strategy {
    @Override
    public boolean queryDiffers() {
        return true;
    }
}
