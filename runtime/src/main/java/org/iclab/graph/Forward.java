package org.iclab.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An architecture's forward pass: {@code out} [batch, tokens] (one number per token; the compiler reads the
 * predictions at the even tokens), or [batch, tokens, vocabulary] logits for a token prompt, the hidden state after each layer (or loop), those states as the read-out sees
 * them ({@code normed}), attention weights per layer and head, the stream's width, heads per layer, and forward
 * FLOPs per token. A looped model also gives {@link Looping} to read it after other loop counts.
 */
public record Forward(Operand<TFloat32> out, List<Operand<TFloat32>> hidden, List<Operand<TFloat32>> normed,
               List<Operand<TFloat32>> attention, int width, int heads, long flopsPerToken, Looping looping) {

    /** Reading a looped model after any number of loops. */
    interface Looping {
        /** {@code out} after {@code loops} loops (built on first use). */
        Operand<TFloat32> outAfter(int loops);

        /**
         * The outs the loss of a {@code loops}-loop pass averages: those after each of the last {@code window}
         * loops, with no gradient flowing into the loops before them.
         */
        List<Operand<TFloat32>> windowOuts(int loops);
    }
}
