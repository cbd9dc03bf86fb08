package org.iclab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iclab.spec.optimizer.Optimizer;
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
 * What every optimizer built from raw ops shares: its slots (one variable per parameter and slot, named
 * {@code PREFIX/SLOT/PARAMETER}, zeroed by {@link #reset}), the learning rate ({@code PREFIX/lr}: fed every step
 * where it is scheduled, else a graph constant fed only after a rollback scaled it), and the fence: every update reads
 * its gradient through an identity that waits for all gradients, so no update can race a gradient computation that
 * still reads the old value (the fence that makes runs bit-identical).
 */
abstract class FencedUpdates implements UpdateRule.Updates {
    final Ops tf;
    final Layers nn;
    final List<Variable<TFloat32>> parameters;
    final Operand<TFloat32> lr;
    private final Optimizer optimizer;
    private final boolean fedEveryStep;
    private final long steps;
    private final List<List<Variable<TFloat32>>> slots = new ArrayList<>();
    private final Op resetSlots;
    private double scale = 1;

    /**
     * @param fedEveryStep whether the rate changes from step to step (a schedule, or a decay that reads it)
     * @param slotNames    the optimizer's state per parameter ({@code m} and {@code v} for Adam), in the order
     *                     {@link #slot} reads them
     */
    FencedUpdates(Ops tf, Layers nn, Parameters params, Optimizer optimizer, String prefix, boolean fedEveryStep, long steps,
                  List<String> slotNames) {
        this.tf = tf;
        this.nn = nn;
        this.optimizer = optimizer;
        this.fedEveryStep = fedEveryStep;
        this.steps = steps;
        this.parameters = params.variables();
        double declared = optimizer.lrAt(1, steps);
        lr = fedEveryStep ? Parameters.named(tf, prefix + "/lr").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()))
                : Parameters.named(tf, prefix + "/lr").placeholderWithDefault(nn.f(declared), Shape.scalar());
        List<Op> resets = new ArrayList<>();
        for (String slotName : slotNames) {
            List<Variable<TFloat32>> slot = new ArrayList<>();
            for (Parameters.Parameter p : params.all()) {
                var v = Parameters.named(tf, prefix + "/" + slotName + "/" + p.name()).variable(Shape.of(p.shape()), TFloat32.class);
                resets.add(tf.assign(v, tf.zeros(tf.constant(p.shape()), TFloat32.class)));
                slot.add(v);
            }
            slots.add(slot);
        }
        resetSlots = tf.withControlDependencies(resets).withName("reset_slots").noOp();
    }

    /** Slot {@code k} (in the order of the constructor's names) of parameter {@code i}. */
    final Variable<TFloat32> slot(int k, int i) {
        return slots.get(k).get(i);
    }

    /** The update of parameter {@code i} from its fenced gradient {@code g}, built with {@code fenced}. */
    abstract Op update(Ops fenced, int i, Operand<TFloat32> g);

    /** Feeds what the optimizer's updates read besides the rate (Adam's bias corrections) for 1-based {@code step}. */
    void feedState(Session.Runner runner, long step, List<AutoCloseable> open) {
    }

    @Override
    public final Op step(List<Output<?>> gradients, String suffix) {
        List<Op> gradientOps = gradients.stream().filter(Objects::nonNull).map(g -> (Op) tf.identity(g)).toList();
        Ops fenced = tf.withControlDependencies(gradientOps);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (gradients.get(i) == null) {
                continue; // a frozen parameter: no update at all
            }
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = fenced.identity((Output<TFloat32>) gradients.get(i));
            updates.add(update(fenced, i, g));
        }
        return tf.withControlDependencies(updates).withName("train_step" + suffix).noOp();
    }

    @Override
    public final Session.Runner feed(Session.Runner runner, long step, List<AutoCloseable> open) {
        feedState(runner, step, open);
        if (fedEveryStep || scale != 1) {
            TFloat32 rate = TFloat32.scalarOf((float) rateAt(step));
            open.add(rate);
            runner.feed(lr, rate);
        }
        return runner;
    }

    @Override
    public final double rateAt(long step) {
        return optimizer.lrAt(step, steps) * scale;
    }

    @Override
    public final double learningRateScale() {
        return scale;
    }

    @Override
    public final void scaleLearningRate(double scale) {
        this.scale = scale;
    }

    /** Zeroes every slot of every parameter. */
    @Override
    public final void reset(Session session) {
        session.run(resetSlots);
    }
}
