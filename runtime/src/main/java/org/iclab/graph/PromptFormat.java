package org.iclab.graph;

import org.iclab.spec.Extension;
import org.iclab.spec.prompt.Prompt;
import org.iclab.spec.Registry;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The extension point of prompt formats: what the tokens of a prompt hold and which tokens a token may attend to.
 * Every format of real-valued pairs gives two tokens per pair, the first of pair i being token 2i, where y_{i+1} is
 * predicted. Registered in {@link GraphRegistration}; {@link PromptLayout} builds the masks from {@link #allowed}.
 *
 * @param <P> the spec record
 */
public interface PromptFormat<P extends Prompt> extends Extension {
    @Override
    Class<P> spec();

    /**
     * The second token of each pair, [batch, points, width], from the pair's x token (x padded to the token width)
     * and y token (y on its axis, zero elsewhere); the first token of a pair is its x token.
     */
    Operand<TFloat32> secondToken(Ops tf, Operand<TFloat32> xToken, Operand<TFloat32> yToken);

    /** Whether token {@code row} may attend to token {@code col}. */
    boolean allowed(int row, int col);

    /** The registered format of {@code prompt}. */
    @SuppressWarnings("unchecked")
    static <P extends Prompt> PromptFormat<P> of(P prompt) {
        return Registry.get().implementation(prompt, PromptFormat.class);
    }
}
