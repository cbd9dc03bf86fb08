package org.iclab.spec.probe;

import org.iclab.spec.Layers;
import org.iclab.spec.Word;
/**
 * A fresh read-out per layer (Fu et al. 2023): the hidden state after the model's final LayerNorm, at the token that
 * predicts y_{k+1}, mapped to y_{k+1} by least squares with a bias, fitted on the fit prompts and scored on
 * held-out prompts with the error the evaluation reports for the model.
 *
 * <pre>
 * Java:   p -&gt; p.readout()                    Groovy:  readout(layers: all())
 * </pre>
 */
@Word("readout")
public record ReadoutProbe(Layers layers) implements Probe {
    public ReadoutProbe {
        layers = layers == null ? Layers.all() : layers;
    }

    /** Its rows of probes.csv, and the model's own error on the probe prompts. */
    @Override
    public java.util.List<java.util.Map.Entry<String, String>> rows() {
        return java.util.List.of(java.util.Map.entry("readout", "y"), java.util.Map.entry("model", "y"));
    }
}
