package org.iclab.graph;

import java.util.List;
import org.iclab.spec.optimizer.Adam;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam built from raw ops: a first and second moment per parameter ({@code adam/m/NAME}, {@code adam/v/NAME}), the
 * bias corrections β^step fed as placeholders, behind {@link FencedUpdates}' fence. A scheduled learning rate
 * ({@link Adam#lrAt}) is fed each step ({@code adam/lr}); a constant one is a graph constant. With weight decay
 * (AdamW) each parameter is first multiplied by 1 − lr_t · weightDecay, and its Adam update waits for that.
 */
final class AdamUpdates extends FencedUpdates {
    private final Adam adam;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;

    AdamUpdates(Ops tf, Layers nn, Parameters params, Adam adam, long steps) {
        super(tf, nn, params, adam, "adam", adam.scheduled() || adam.weightDecay() > 0, steps, List.of("m", "v"));
        this.adam = adam;
        beta1Power = Parameters.named(tf, "adam/beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = Parameters.named(tf, "adam/beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    @Override
    Op update(Ops fenced, int i, Operand<TFloat32> g) {
        Ops update = fenced;
        if (adam.weightDecay() > 0) {
            Variable<TFloat32> p = parameters.get(i);
            Op decay = fenced.assign(p, tf.math.mul(p, tf.math.sub(nn.f(1), tf.math.mul(lr, nn.f(adam.weightDecay())))));
            update = tf.withControlDependencies(List.of(decay));
        }
        return update.train.applyAdam(parameters.get(i), slot(0, i), slot(1, i), beta1Power, beta2Power,
                lr, nn.f(adam.beta1()), nn.f(adam.beta2()), nn.f(adam.eps()), g);
    }

    /** Feeds the bias corrections of 1-based {@code step}; the tensors are added to {@code open}, to be closed by the caller. */
    @Override
    void feedState(Session.Runner runner, long step, List<AutoCloseable> open) {
        TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(adam.beta1(), step));
        open.add(b1);
        TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(adam.beta2(), step));
        open.add(b2);
        runner.feed(beta1Power, b1).feed(beta2Power, b2);
    }

    /** Adam's registration: its record and these updates. */
    static UpdateRule<Adam> rule() {
        return UpdateRule.of(Adam.class, AdamUpdates::new);
    }
}
