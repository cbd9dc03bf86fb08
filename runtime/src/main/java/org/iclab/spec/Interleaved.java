package org.iclab.spec;

/**
 * Garg et al.'s layout: 2·points tokens x_1, y_1, x_2, y_2, ..., each y zero-padded to width d. Predictions are
 * read at the x positions, so one pass predicts y_{k+1} from k examples for every k = 0..points-1.
 *
 * <pre>
 * Java:   Iclab.interleaved(11)               Groovy:  prompt interleaved(points: 11)
 * </pre>
 */
@Setting("Garg et al.'s layout x1, y1, x2, y2, ...; one pass predicts y(k+1) from k examples for every k.")
public record Interleaved(@Setting(value = "(x, y) pairs in a training prompt.", range = "> 0 and <= model.positions") int points) implements Prompt {
    public Interleaved {
        Problems.in("prompt").require(points > 0, "points", "must be > 0", points).throwIfAny();
    }

    @Override
    public int tokens(int points) {
        return 2 * points;
    }
}
