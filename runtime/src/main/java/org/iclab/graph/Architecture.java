package org.iclab.graph;

import org.iclab.spec.Experiment;
import org.iclab.spec.Extension;
import org.iclab.spec.model.Model;
import org.iclab.spec.Registry;

/**
 * The extension point of architectures: the forward pass a declared {@link Model} record compiles to, built from
 * what {@link Net} gives (the prompt's tokens, the parameter factory, masks, positions). The compiler adds the
 * read of predictions, the objective's loss and the optimizer. Registered in {@link GraphRegistration}.
 *
 * @param <M> the spec record
 */
public interface Architecture<M extends Model> extends Extension {
    @Override
    Class<M> spec();

    /** The forward pass of {@code model} over {@code net}'s tokens. */
    Forward build(Net net, M model);

    /**
     * The most (x, y) pairs the graph is built for: the model's positional reach by default; a recurrence unrolled
     * over a fixed length takes the longest prompt the experiment feeds it.
     */
    default int reach(M model, Experiment experiment) {
        return model.positions();
    }

    /** How a forward pass is built, for {@link #of}. */
    @FunctionalInterface
    interface Build<M> {
        Forward build(Net net, M model);
    }

    /** An architecture from its word, record and forward pass. */
    static <M extends Model> Architecture<M> of(String word, Class<M> spec, Build<M> build) {
        return new Simple<>(word, spec, build, false);
    }

    /** A recurrence unrolled over the longest prompt the experiment uses (training or evaluation). */
    static <M extends Model> Architecture<M> recurrent(String word, Class<M> spec, Build<M> build) {
        return new Simple<>(word, spec, build, true);
    }

    /** An architecture made of its parts; a recurrent one reaches the experiment's longest prompt. */
    record Simple<M extends Model>(String word, Class<M> spec, Build<M> build, boolean recurrent) implements Architecture<M> {
        @Override
        public Forward build(Net net, M model) {
            return build.build(net, model);
        }

        @Override
        public int reach(M model, Experiment experiment) {
            return recurrent ? Math.max(experiment.prompt().points(), experiment.evaluate().points()) : model.positions();
        }
    }

    /** The registered architecture of {@code model}. */
    @SuppressWarnings("unchecked")
    static <M extends Model> Architecture<M> of(M model) {
        return Registry.get().implementation(model, Architecture.class);
    }
}
