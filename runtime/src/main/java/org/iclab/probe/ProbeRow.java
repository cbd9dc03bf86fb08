package org.iclab.probe;

import java.util.Map;

/**
 * One line of probes.csv: a probe's score for one target at one layer and position k, with its bootstrap interval
 * over the held-out prompts.
 *
 * <ul>
 *   <li>{@code linear}: R² of the ridge probe for {@code target} ({@code weights}, ...); {@code cosine} is the mean
 *       cosine between predicted and true target vectors, {@code controls} the score of each control of this probe
 *       (by control word) at the same layer and k.</li>
 *   <li>{@code control}: R² of a control ({@code target} is {@code weights/constant}, ... for a linear probe's,
 *       {@code mlp:weights/constant} or {@code pooled:weights/constant} for a pooled probe's).</li>
 *   <li>{@code pooled}, {@code mlp}: R² of a probe pooled over positions (linear, or with hidden units), like
 *       {@code linear}.</li>
 *   <li>{@code readout}: the error of the layer's fresh read-out of y ({@code target} {@code y}), as eval.csv
 *       reports errors.</li>
 *   <li>{@code model}: the model's own error on the same held-out prompts (no layer).</li>
 *   <li>{@code alignment}: the similarity of errors between the layer's read-out and an iterate
 *       ({@code target} {@code newton(3)}, ...).</li>
 *   <li>{@code iterate}: an iterate's own error (no layer).</li>
 * </ul>
 *
 * @param layer null for rows that are not about a layer (model, iterate)
 */
public record ProbeRow(String probe, String target, Integer layer, int k, double score, double ciLow, double ciHigh,
                       Double cosine, Map<String, Double> controls) {
    public static final String LINEAR = "linear";
    public static final String CONTROL = "control";
    public static final String READOUT = "readout";
    public static final String MODEL = "model";
    public static final String ALIGNMENT = "alignment";
    public static final String ITERATE = "iterate";
    /** The target of read-out and model rows: the next output y_{k+1}. */
    public static final String Y = "y";

    public ProbeRow {
        controls = controls == null ? Map.of() : Map.copyOf(controls);
    }

    static ProbeRow of(String probe, String target, Integer layer, int k, Scores.Scored s) {
        return new ProbeRow(probe, target, layer, k, s.score(), s.low(), s.high(), null, null);
    }
}
