package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.optimizer.Adam;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam built from raw ops: a first and second moment per parameter ({@code adam/m/NAME}, {@code adam/v/NAME}), the
 * bias corrections β^step fed as placeholders, and the fenced update: every update reads its gradient through an
 * identity that waits for all gradients, so no update can race a gradient computation that still reads the old
 * value (the fence that makes runs bit-identical). A scheduled learning rate ({@link Adam#lrAt}) is fed each step
 * ({@code adam/lr}); a constant one is a graph constant. With weight decay (AdamW) each parameter is first multiplied
 * by 1 − lr_t · weightDecay, and its Adam update waits for that.
 */
final class AdamUpdates implements UpdateRule.Updates {
    private final Ops tf;
    private final Layers nn;
    private final Adam adam;
    private final List<Variable<TFloat32>> parameters;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Operand<TFloat32> lr;
    private final boolean fedEveryStep;
    private double scale = 1;
    private final long steps;
    private final List<Variable<TFloat32>> slotsM = new ArrayList<>();
    private final List<Variable<TFloat32>> slotsV = new ArrayList<>();
    private final Op resetSlots;

    AdamUpdates(Ops tf, Layers nn, Parameters params, Adam adam, long steps) {
        this.tf = tf;
        this.nn = nn;
        this.adam = adam;
        this.steps = steps;
        fedEveryStep = adam.scheduled() || adam.weightDecay() > 0;
        // a constant rate is the placeholder's default, fed only when a rollback has scaled it
        lr = fedEveryStep ? Parameters.named(tf, "adam/lr").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()))
                : Parameters.named(tf, "adam/lr").placeholderWithDefault(nn.f(adam.lr()), Shape.scalar());
        this.parameters = params.variables();
        beta1Power = Parameters.named(tf, "adam/beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = Parameters.named(tf, "adam/beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        List<Op> resets = new ArrayList<>();
        for (Parameters.Parameter p : params.all()) {
            var m = Parameters.named(tf, "adam/m/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
            var v = Parameters.named(tf, "adam/v/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
            var zeros = tf.zeros(tf.constant(p.shape()), TFloat32.class);
            resets.add(tf.assign(m, zeros));
            resets.add(tf.assign(v, zeros));
            slotsM.add(m);
            slotsV.add(v);
        }
        resetSlots = tf.withControlDependencies(resets).withName("reset_slots").noOp();
    }

    /** The update of every parameter from its gradient (in parameter order; none where it is null), fenced; named {@code train_step + suffix}. */
    @Override
    public Op step(List<Output<?>> gradients, String suffix) {
        List<Op> gradientOps = gradients.stream().filter(java.util.Objects::nonNull).map(g -> (Op) tf.identity(g)).toList();
        Ops fenced = tf.withControlDependencies(gradientOps);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (gradients.get(i) == null) {
                continue; // a frozen parameter: no update at all
            }
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = fenced.identity((Output<TFloat32>) gradients.get(i));
            Operand<TFloat32> rate = lr;
            Ops update = fenced;
            if (adam.weightDecay() > 0) {
                Variable<TFloat32> p = parameters.get(i);
                Op decay = fenced.assign(p, tf.math.mul(p, tf.math.sub(nn.f(1), tf.math.mul(lr, nn.f(adam.weightDecay())))));
                update = tf.withControlDependencies(List.of(decay));
            }
            updates.add(update.train.applyAdam(parameters.get(i), slotsM.get(i), slotsV.get(i), beta1Power, beta2Power,
                    rate, nn.f(adam.beta1()), nn.f(adam.beta2()), nn.f(adam.eps()), g));
        }
        return tf.withControlDependencies(updates).withName("train_step" + suffix).noOp();
    }

    /** Feeds the bias corrections of 1-based {@code step}; the tensors are added to {@code open}, to be closed by the caller. */
    @Override
    public Session.Runner feed(Session.Runner runner, long step, List<AutoCloseable> open) {
        TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(adam.beta1(), step));
        open.add(b1);
        TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(adam.beta2(), step));
        open.add(b2);
        runner.feed(beta1Power, b1).feed(beta2Power, b2);
        if (fedEveryStep || scale != 1) {
            TFloat32 rate = TFloat32.scalarOf((float) rateAt(step));
            open.add(rate);
            runner.feed(lr, rate);
        }
        return runner;
    }

    @Override
    public double rateAt(long step) {
        return adam.lrAt(step, steps) * scale;
    }

    @Override
    public double learningRateScale() {
        return scale;
    }

    @Override
    public void scaleLearningRate(double scale) {
        this.scale = scale;
    }

    /** Zeroes both moments of every parameter. */
    @Override
    public void reset(Session session) {
        session.run(resetSlots);
    }

    /** Adam's registration: its word and record, and these updates. */
    static UpdateRule<Adam> rule() {
        return new UpdateRule<>() {
            @Override
            public Class<Adam> spec() {
                return Adam.class;
            }

            @Override
            public Updates create(Ops tf, Layers nn, Parameters parameters, Adam optimizer, long steps) {
                return new AdamUpdates(tf, nn, parameters, optimizer, steps);
            }
        };
    }
}
