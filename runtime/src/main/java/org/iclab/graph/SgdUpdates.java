package org.iclab.graph;

import java.util.List;
import org.iclab.spec.optimizer.Sgd;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * SGD as PyTorch's {@code torch.optim.SGD}, behind {@link FencedUpdates}' fence: the gradient plus weightDecay · p
 * (read before the update), then TensorFlow's ApplyGradientDescent (p ← p − lr_t g), or with momentum its
 * ApplyMomentum on a buffer per parameter ({@code sgd/momentum/NAME}, zero at the start: b ← μ b + g, p ← p − lr_t b;
 * Nesterov: p ← p − lr_t (g + μ b)), which is PyTorch's update with dampening 0.
 */
final class SgdUpdates extends FencedUpdates {
    private final Sgd sgd;

    SgdUpdates(Ops tf, Layers nn, Parameters params, Sgd sgd, long steps) {
        super(tf, nn, params, sgd, "sgd", sgd.scheduled(), steps, sgd.momentum() > 0 ? List.of("momentum") : List.of());
        this.sgd = sgd;
    }

    @Override
    Op update(Ops fenced, int i, Operand<TFloat32> g) {
        var p = parameters.get(i);
        Operand<TFloat32> grad = sgd.weightDecay() > 0 ? fenced.math.add(g, fenced.math.mul(p, nn.f(sgd.weightDecay()))) : g;
        if (sgd.momentum() > 0) {
            return fenced.train.applyMomentum(p, slot(0, i), lr, grad, nn.f(sgd.momentum()), ApplyMomentum.useNesterov(sgd.nesterov()));
        }
        return fenced.train.applyGradientDescent(p, lr, grad);
    }

    /** SGD's registration: its record and these updates. */
    static UpdateRule<Sgd> rule() {
        return UpdateRule.of(Sgd.class, SgdUpdates::new);
    }
}
