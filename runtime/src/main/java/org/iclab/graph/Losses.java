package org.iclab.graph;

import org.iclab.spec.Objective;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The training loss each {@link Objective} declares, as graph ops over predictions and targets of one shape. */
final class Losses {
    private Losses() {
    }

    /** The mean loss of predictions {@code p} against targets {@code y}, both [batch, positions]. */
    static Operand<TFloat32> of(Objective objective, Ops tf, Layers nn, Operand<TFloat32> p, Operand<TFloat32> y) {
        return switch (objective.loss()) {
            case SQUARED_ERROR -> tf.math.mean(tf.math.squaredDifference(p, y), nn.shape(0, 1));
            case LOGISTIC -> {
                // Logistic loss with p as the logit z and t = (y + 1) / 2, in the stable form
                // max(z, 0) − z·t + log(1 + e^−|z|) (= softplus(z) − z·t without overflow), from ops whose
                // gradients TensorFlow's C++ registry has (Relu, Abs, Exp, Log1p, Neg, Mul, Sub, Add, Mean).
                var targets = tf.math.mul(tf.math.add(y, nn.f(1)), nn.f(0.5));
                var softplusNegAbs = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(p))));
                var perPoint = tf.math.add(tf.math.sub(tf.nn.relu(p), tf.math.mul(p, targets)), softplusNegAbs);
                yield tf.math.mean(perPoint, nn.shape(0, 1));
            }
            case CROSS_ENTROPY -> throw new IllegalArgumentException(
                    "a cross-entropy objective needs a token prompt, which the compiler does not build yet");
        };
    }
}
