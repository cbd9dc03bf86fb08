package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.Problems;
import org.iclab.spec.Word;
/**
 * Which iterate of an algorithm each layer's read-out matches (Fu et al. 2023): for each layer, iterate and k, the
 * cosine similarity between the errors of the layer's read-out ({@link ReadoutProbe}) and of the iterate's
 * prediction, over the held-out prompts.
 *
 * <pre>
 * Java:   p -&gt; p.alignment(newton())         Groovy:  alignment(with: newton(iterations: 1..20), layers: all())
 * </pre>
 */
@Word("alignment")
public record AlignmentProbe(Algorithm with, Layers layers) implements Probe {
    public AlignmentProbe {
        layers = layers == null ? Layers.all() : layers;
        Problems.in("probes.alignment").requirePresent(with, "with").throwIfAny();
    }

    /** Its rows of probes.csv, and the model's own error on the probe prompts. */
    @Override
    public java.util.List<java.util.Map.Entry<String, String>> rows() {
        java.util.List<java.util.Map.Entry<String, String>> rows = new java.util.ArrayList<>();
        for (int j : with.iterates()) {
            rows.add(java.util.Map.entry("alignment", with.label(j)));
            rows.add(java.util.Map.entry("iterate", with.label(j)));
        }
        rows.add(java.util.Map.entry("model", "y"));
        return rows;
    }
}
