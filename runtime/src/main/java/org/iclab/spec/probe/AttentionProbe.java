package org.iclab.spec.probe;

import org.iclab.spec.Problems;
import org.iclab.spec.Word;
/**
 * The attention weights of every layer and head on the first {@code prompts} held-out prompts, drawn as images
 * (plots/attention/) and written as numbers (attention.csv). A model without attention has none to draw.
 *
 * <pre>
 * Java:   p -&gt; p.attention()   p -&gt; p.attention(2)          Groovy:  attention()    attention(prompts: 2)
 * </pre>
 */
@Word("attention")
public record AttentionProbe(int prompts) implements Probe {
    public static final int DEFAULT_PROMPTS = 4;

    public AttentionProbe {
        Problems.in("probes.attention").require(prompts >= 1, "prompts", "must be >= 1", prompts).throwIfAny();
    }
}
