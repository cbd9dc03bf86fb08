package org.iclab.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Building blocks from basic ops with gradients in TensorFlow's C++ registry: LayerNorm and tanh-GELU (each with a
 * lean backward pass, see {@link #zeroWithGradientOf}), SiLU and softplus.
 */
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

    /**
     * LayerNorm over the last axis, eps 1e-5 as PyTorch. Its value is (x − μ) r · gain + bias with r = 1/√(σ² + eps),
     * computed as always; gain and bias get their gradients from it. The gradient with respect to x comes from a
     * surrogate added as zero, linear in x: s = r (c − n · mean(n c)) · gain with c = x − μ and the normalised n, r and
     * gain held constant, which is LayerNorm's exact Jacobian. The backward pass then reads only n and r, where
     * differentiating the value's own ops would keep both c and n for every LayerNorm of the model.
     */
    Operand<TFloat32> layerNorm(Operand<TFloat32> x, Variable<TFloat32> gain, Variable<TFloat32> bias) {
        Operand<TInt32> last = tf.constant(new int[] {-1});
        Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
        Operand<TFloat32> centred = tf.math.sub(x, mean);
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), last, Mean.keepDims(true));
        Operand<TFloat32> rate = tf.stopGradient(tf.math.rsqrt(tf.math.add(variance, f(1e-5))));
        Operand<TFloat32> normed = tf.stopGradient(tf.math.mul(centred, rate));
        Operand<TFloat32> value = tf.math.add(tf.math.mul(normed, gain), bias);
        Operand<TFloat32> projected = tf.math.mean(tf.math.mul(normed, centred), last, Mean.keepDims(true));
        Operand<TFloat32> surrogate = tf.math.mul(tf.math.sub(centred, tf.math.mul(normed, projected)), rate);
        return tf.math.add(value, zeroWithGradientOf(tf.math.mul(surrogate, tf.stopGradient(gain))));
    }

    /**
     * GELU, tanh form: 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))), written as x · h with h = 0.5 + 0.5 tanh(x (c + c·a x²)).
     * Its derivative g = h + x h (1 − h)(2c + 6c·a x²) is computed in the forward pass and the gradient is dy · g, so
     * the backward pass reads one tensor of the MLP's width (g) where differentiating the value's own ops would keep
     * five (x, x², tanh, h and the inner factor).
     */
    Operand<TFloat32> gelu(Operand<TFloat32> x) {
        double c = Math.sqrt(2 / Math.PI);
        double a = 0.044715;
        Operand<TFloat32> square = tf.math.square(x);
        Operand<TFloat32> inner = tf.math.mul(x, tf.math.add(f(c), tf.math.mul(f(c * a), square)));
        Operand<TFloat32> half = tf.math.add(f(0.5), tf.math.mul(f(0.5), tf.math.tanh(inner)));
        Operand<TFloat32> value = tf.math.mul(x, half);
        Operand<TFloat32> slope = tf.math.add(half, tf.math.mul(tf.math.mul(value, tf.math.sub(f(1), half)),
                tf.math.add(f(2 * c), tf.math.mul(f(6 * c * a), square))));
        return tf.math.add(tf.stopGradient(value), zeroWithGradientOf(tf.math.mul(x, tf.stopGradient(slope))));
    }

    /**
     * Zero with the gradient of {@code surrogate}: surrogate − surrogate, the first differentiated and the second held
     * constant. Both are the same tensor, so the difference is exactly zero (for a finite surrogate) and a value it is
     * added to keeps its bits, but for −0 becoming +0.
     */
    private Operand<TFloat32> zeroWithGradientOf(Operand<TFloat32> surrogate) {
        return tf.math.sub(surrogate, tf.stopGradient(surrogate));
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
