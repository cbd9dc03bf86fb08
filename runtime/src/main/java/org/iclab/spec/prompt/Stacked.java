package org.iclab.spec.prompt;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Von Oswald et al.'s layout: one token [x_i; y_i] per example (d + 1 wide, y last unless {@code yLast} is false),
 * and before each example a query token [x_i; 0] that predicts y_i from the examples before it. The sequence is
 * q_1, e_1, q_2, e_2, ...: an example token attends to the example tokens up to itself, a query token to the example
 * tokens before it and to itself, never to another query, so one pass predicts y_{k+1} from k examples for every k.
 *
 * <pre>
 * Java:   Iclab.stacked(11)                   Groovy:  prompt stacked(points: 11)
 * </pre>
 *
 * @param positional learned, none or sinusoidal; null means the model's default ({@link Prompt#positionalFor})
 */
@Setting("Von Oswald et al.'s layout: one token [x; y] per example plus a query token [x; 0] per prefix, read at the queries.")
@Word("stacked")
public record Stacked(
        @Setting(value = "(x, y) pairs in a training prompt.", range = "> 0 and <= model.positions") int points,
        @Setting(value = "y in the last coordinate of its token (von Oswald et al.); false puts it first.", defaults = "true") Boolean yLast,
        @Setting(value = "Positional encoding added to the embedded tokens.", range = "learned, none, sinusoidal",
                defaults = "learned for gpt2 and looped, none for linearAttention and lstm") String positional) implements Prompt {
    public Stacked {
        yLast = yLast == null ? Boolean.TRUE : yLast;
        Problems.in("prompt").require(points > 0, "points", "must be > 0", points)
                .require(positional == null || POSITIONALS.contains(positional), "positional", "must be one of " + POSITIONALS, "'" + positional + "'")
                .throwIfAny();
    }

    /** Von Oswald et al.'s layout, y last. */
    public Stacked(int points) {
        this(points, true, null);
    }

    @Override
    public int tokens(int points) {
        return 2 * points;
    }

    @Override
    public int width(int dims) {
        return dims + 1;
    }

}
