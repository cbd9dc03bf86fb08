package org.iclab.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Building blocks with gradients in TensorFlow's C++ registry: LayerNorm, tanh-GELU, SiLU and softplus from basic ops. */
final class Layers {
    private final Ops tf;

    Layers(Ops tf) {
        this.tf = tf;
    }

    Operand<TFloat32> f(double v) {
        return tf.constant((float) v);
    }

    /** x [rows, in] · w [in, out] + b [out]. */
    Operand<TFloat32> dense(Operand<TFloat32> x, Variable<TFloat32> w, Variable<TFloat32> b) {
        return tf.math.add(tf.linalg.matMul(x, w), b);
    }

    /** LayerNorm over the last axis, eps 1e-5 as PyTorch. */
    Operand<TFloat32> layerNorm(Operand<TFloat32> x, Variable<TFloat32> gain, Variable<TFloat32> bias) {
        Operand<TInt32> last = tf.constant(new int[] {-1});
        Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
        Operand<TFloat32> centred = tf.math.sub(x, mean);
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), last, Mean.keepDims(true));
        Operand<TFloat32> normed = tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, f(1e-5))));
        return tf.math.add(tf.math.mul(normed, gain), bias);
    }

    /**
     * GELU, tanh form: 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))), written as x · (0.5 + 0.5 tanh(x (c + c·a x²)))
     * so the forward pass and its gradient need fewer elementwise kernels (they are a fifth of a step's time).
     */
    Operand<TFloat32> gelu(Operand<TFloat32> x) {
        double c = Math.sqrt(2 / Math.PI);
        Operand<TFloat32> inner = tf.math.mul(x, tf.math.add(f(c), tf.math.mul(f(c * 0.044715), tf.math.square(x))));
        return tf.math.mul(x, tf.math.add(f(0.5), tf.math.mul(f(0.5), tf.math.tanh(inner))));
    }

    /** SiLU (swish): x · σ(x). */
    Operand<TFloat32> silu(Operand<TFloat32> x) {
        return tf.math.mul(x, tf.math.sigmoid(x));
    }

    /** log(1 + e^x), computed as max(x, 0) + log(1 + e^−|x|) so large x do not overflow. */
    Operand<TFloat32> softplus(Operand<TFloat32> x) {
        return tf.math.add(tf.math.maximum(x, f(0)), tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
    }

    /** BatchMatMulV2 (the generated wrapper emits V3, whose gradient the C++ registry lacks). */
    Operand<TFloat32> batchMatMul(Operand<TFloat32> a, Operand<TFloat32> b, boolean adjX, boolean adjY) {
        var scope = tf.scope();
        var op = scope.opBuilder("BatchMatMulV2", scope.makeOpName("BatchMatMulV2"))
                .addInput(a.asOutput()).addInput(b.asOutput())
                .setAttr("adj_x", adjX).setAttr("adj_y", adjY)
                .build();
        return op.output(0);
    }

    Operand<TInt32> shape(int... dims) {
        return tf.constant(dims);
    }

    Operand<TInt32> stack(List<Operand<TInt32>> parts) {
        return tf.stack(parts);
    }
}
