package org.iclab.graph;

import java.util.Map;
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

    /** An architecture from its record (which carries its word) and forward pass. */
    static <M extends Model> Architecture<M> of(Class<M> spec, Build<M> build) {
        return new Simple<>(spec, build, false, Map.of());
    }

    /** An architecture with named sizes to start from ({@link Extension#presets}): {@code gpt2('small')}. */
    static <M extends Model> Architecture<M> of(Class<M> spec, Build<M> build, Map<String, M> presets) {
        return new Simple<>(spec, build, false, presets);
    }

    /** A recurrence unrolled over the longest prompt the experiment uses (training or evaluation). */
    static <M extends Model> Architecture<M> recurrent(Class<M> spec, Build<M> build) {
        return new Simple<>(spec, build, true, Map.of());
    }

    /** An architecture made of its parts; a recurrent one reaches the experiment's longest prompt. */
    record Simple<M extends Model>(Class<M> spec, Build<M> build, boolean recurrent, Map<String, M> presets) implements Architecture<M> {
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
