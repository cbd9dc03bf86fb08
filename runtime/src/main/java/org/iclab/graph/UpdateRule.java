package org.iclab.graph;

import java.util.List;
import org.iclab.spec.Extension;
import org.iclab.spec.optimizer.Optimizer;
import org.iclab.spec.Registry;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * The extension point of optimizers: the graph ops that update the parameters from their gradients, built once per
 * compiled model. Registered in {@link GraphRegistration}.
 *
 * @param <O> the spec record
 */
public interface UpdateRule<O extends Optimizer> extends Extension {
    @Override
    Class<O> spec();

    /** The optimizer's state (its slots) and update ops for {@code parameters}, for a run of {@code steps} steps. */
    Updates create(Ops tf, Layers nn, Parameters parameters, O optimizer, long steps);

    /** An optimizer built into a graph. */
    interface Updates {
        /**
         * The update of every parameter from its gradient (in parameter order; a null gradient is a frozen parameter,
         * left alone), applied only after every gradient is computed (the fence); named {@code train_step + suffix}.
         */
        Op step(List<Output<?>> gradients, String suffix);

        /** Feeds what the update of 1-based {@code step} reads; tensors made are added to {@code open}. */
        Session.Runner feed(Session.Runner runner, long step, List<AutoCloseable> open);

        /** Resets the optimizer's state (a fresh start). */
        void reset(Session session);

        /**
         * Multiplies the learning rate of every later step by {@code scale} (a rollback after divergence halves it);
         * 1 is the rate as declared, and gives the same updates bit for bit.
         */
        void scaleLearningRate(double scale);

        /** The factor {@link #scaleLearningRate} set (1 as declared). */
        double learningRateScale();

        /**
         * The learning rate the update of 1-based {@code step} applies: the optimizer's scheduled rate times the
         * rollback factor. The one place the rate is computed; the trainer's log, metrics.jsonl and TensorBoard read it.
         */
        double rateAt(long step);
    }

    /** Makes the updates of an optimizer of one record type. */
    interface Factory<O extends Optimizer> {
        Updates create(Ops tf, Layers nn, Parameters parameters, O optimizer, long steps);
    }

    /** The update rule of the record {@code spec}, made by {@code factory}: one line of a registration. */
    static <O extends Optimizer> UpdateRule<O> of(Class<O> spec, Factory<O> factory) {
        return new UpdateRule<>() {
            @Override
            public Class<O> spec() {
                return spec;
            }

            @Override
            public Updates create(Ops tf, Layers nn, Parameters parameters, O optimizer, long steps) {
                return factory.create(tf, nn, parameters, optimizer, steps);
            }
        };
    }

    /** The registered update rule of {@code optimizer}. */
    @SuppressWarnings("unchecked")
    static <O extends Optimizer> UpdateRule<O> of(O optimizer) {
        return Registry.get().implementation(optimizer, UpdateRule.class);
    }
}
