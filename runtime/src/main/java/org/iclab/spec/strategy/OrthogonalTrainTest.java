package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The query at k is orthogonal to the k context inputs before it: x_k minus its projection onto their span, rescaled
 * to the norm of x_k. Only k below the dimension of the inputs' span (task.dims, or the lowRank rank) can have such
 * a query, so the curve stops there (Garg et al. likewise evaluate k &lt; d only).
 *
 * <pre>
 * Java:   Iclab.orthogonalTrainTest()  Groovy:  strategies orthogonalTrainTest()
 * </pre>
 */
@Setting("The query at k is orthogonal to the k context inputs (x_k minus its projection on their span, same norm);"
        + " scored for k < task.dims.")
@Word("orthogonalTrainTest")
public record OrthogonalTrainTest() implements Strategy {
    @Override
    public boolean queryDiffers() {
        return true;
    }
}
