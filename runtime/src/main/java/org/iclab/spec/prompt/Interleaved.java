package org.iclab.spec.prompt;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Garg et al.'s layout: 2·points tokens x_1, y_1, x_2, y_2, ..., each y zero-padded to the token width. Predictions
 * are read at the x positions, so one pass predicts y_{k+1} from k examples for every k = 0..points-1.
 * {@code disjoint} (Raventós et al., Akyürek et al.) widens tokens to d + 1 so that x and y never share a
 * coordinate: x → [0, x], y → [y, 0, ..., 0]. {@code yLast} puts y in the last coordinate instead of the first
 * (x → [x, 0] when disjoint).
 *
 * <pre>
 * Java:   Iclab.interleaved(11)               Groovy:  prompt interleaved(points: 11)
 *         Iclab.interleaved(11, true, false, "sinusoidal")    prompt interleaved(points: 11, disjoint: true, positional: 'sinusoidal')
 * </pre>
 *
 * @param positional learned, none or sinusoidal; null means the model's default ({@link Prompt#positionalFor})
 */
@Setting("Garg et al.'s layout x1, y1, x2, y2, ...; one pass predicts y(k+1) from k examples for every k.")
@Word("interleaved")
public record Interleaved(
        @Setting(value = "(x, y) pairs in a training prompt.", range = "> 0 and <= model.positions") int points,
        @Setting(value = "Tokens are d + 1 wide and x and y never share a coordinate: x -> [0, x], y -> [y, 0...] (Raventós et al., Akyürek et al.).") boolean disjoint,
        @Setting(value = "y in the last coordinate of its token instead of the first.") Boolean yLast,
        @Setting(value = "Positional encoding added to the embedded tokens.", range = "learned, none, sinusoidal",
                defaults = "learned for gpt2 and looped, none for linearAttention and lstm") String positional) implements Prompt {
    public Interleaved {
        yLast = yLast == null ? Boolean.FALSE : yLast;
        Problems.in("prompt").require(points > 0, "points", "must be > 0", points)
                .require(positional == null || POSITIONALS.contains(positional), "positional", "must be one of " + POSITIONALS, "'" + positional + "'")
                .throwIfAny();
    }

    /** Garg et al.'s plain layout. */
    public Interleaved(int points) {
        this(points, false, false, null);
    }

    @Override
    public int tokens(int points) {
        return 2 * points;
    }

    @Override
    public int width(int dims) {
        return disjoint ? dims + 1 : dims;
    }

}
