package org.iclab.graph;

import org.iclab.spec.Objective;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
                    "a cross-entropy objective scores token prompts: use crossEntropy(logits, targets, mask)");
        };
    }

    /**
     * The mean cross-entropy of logits [batch, tokens, vocabulary] against target ids [batch, tokens] over the
     * positions where {@code mask} [batch, tokens] is 1: Σ mask · (−log softmax(logits)[target]) / max(Σ mask, 1).
     */
    static Operand<TFloat32> crossEntropy(Ops tf, Layers nn, Operand<TFloat32> logits, Operand<TInt32> targets,
                                          Operand<TFloat32> mask, int vocabulary) {
        // LogSoftmax on [batch·tokens, vocabulary]: the C++ registry's LogSoftmax gradient sums over axis 1 only, so
        // on [batch, tokens, vocabulary] it is wrong (measured against finite differences); on a matrix it is right.
        var flat = tf.reshape(logits, nn.shape(-1, vocabulary));
        var logProbs = tf.nn.logSoftmax(flat);
        var picked = tf.math.mul(tf.oneHot(tf.reshape(targets, nn.shape(-1)), tf.constant(vocabulary), nn.f(1), nn.f(0)), logProbs);
        var perToken = tf.reshape(tf.math.neg(tf.sum(picked, tf.constant(1))), tf.shape(mask));
        var total = tf.sum(tf.math.mul(perToken, mask), nn.shape(0, 1));
        return tf.math.div(total, tf.math.maximum(tf.sum(mask, nn.shape(0, 1)), nn.f(1)));
    }
}
