package org.iclab.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout for training steps only. Two placeholders switch it: {@code dropout/on} (1 in a training step, 0 by
 * default) and {@code dropout/seed} ([the run's seed, the step], [0, 0] by default). Each site draws u ~ U[0, 1) from
 * TensorFlow's stateless generator, seeded by the fed pair with the site's number added to the second word above bit
 * 32, so a run's masks depend only on its seed, its step and the site's place in the graph, which GPT-2 builds in one order
 * (a resumed run draws the same ones; {@code looped} refuses dropout, since it builds passes as it needs them); it keeps an element
 * where u ≥ rate · on and scales what it keeps by 1 / (1 − rate · on). With on = 0 every u passes and the scale is 1:
 * evaluation, probes and exports compute exactly what the model computes without dropout. The mask's shape is given
 * from the batch and token counts, not read from x, so no gradient path runs through the random draw.
 */
final class Dropout {
    private final Ops tf;
    private final Layers nn;
    private final Operand<TFloat32> on;
    private final Operand<TInt64> seed;
    private int sites;

    Dropout(Ops tf, Layers nn) {
        this.tf = tf;
        this.nn = nn;
        on = Parameters.named(tf, "dropout/on").placeholderWithDefault(nn.f(0), Shape.scalar());
        seed = Parameters.named(tf, "dropout/seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
    }

    /** x with dropout at {@code rate} in training steps, x itself otherwise; {@code shape} is x's shape. */
    Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TInt32> shape, double rate) {
        if (rate <= 0) {
            return x;
        }
        long site = ++sites;
        var siteSeed = tf.math.add(seed, tf.constant(new long[] {0, site << 32}));
        var u = tf.random.statelessRandomUniform(shape, siteSeed, TFloat32.class);
        var dropped = tf.math.mul(on, nn.f(rate));
        var keep = tf.dtypes.cast(tf.math.greaterEqual(u, dropped), TFloat32.class);
        return tf.math.mul(x, tf.math.div(keep, tf.math.sub(nn.f(1), dropped)));
    }

    /** Feeds a training step's switch and seed; the tensors are added to {@code open}. */
    Session.Runner feedTraining(Session.Runner runner, long runSeed, long step, List<AutoCloseable> open) {
        TFloat32 one = TFloat32.scalarOf(1f);
        open.add(one);
        TInt64 pair = TInt64.vectorOf(runSeed, step);
        open.add(pair);
        return runner.feed(on, one).feed(seed, pair);
    }
}
