package org.iclab.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.Map;
import org.iclab.spec.probe.Algorithm;
import org.iclab.spec.probe.ControlTask;
import org.iclab.spec.Curriculum;
import org.iclab.spec.Layers;
import org.iclab.spec.Positions;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.probe.PooledProbe;
import org.iclab.spec.SpecException;
import org.iclab.spec.probe.Target;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Pool;
import org.iclab.spec.Schedule;
import org.iclab.spec.TrainPlan;

/**
 * The Groovy forms of the Java builders' methods, as a Groovy extension module (registered in
 * {@code META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule}): for every {@code Consumer<X.Builder>} method
 * a closure twin delegating only to {@code X.Builder}, and named-argument forms for the curriculum's schedules.
 * Extension methods add to the builders themselves, so a block's delegate is the Java builder and nothing else:
 * one source of truth, and an IDE completes the builder's own methods.
 */
public final class ClosureForms {
    private ClosureForms() {
    }

    /** {@code train { steps 2000; batch 64 }}. */
    public static Experiment.Builder train(Experiment.Builder self,
                                           @DelegatesTo(value = TrainPlan.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        Blocks.mark("train");
        return self.train(b -> Blocks.call(body, b));
    }

    /** {@code evaluate { prompts 1280; baselines leastSquares(), averaging() }}. */
    public static Experiment.Builder evaluate(Experiment.Builder self,
                                              @DelegatesTo(value = EvalPlan.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        Blocks.mark("evaluate");
        return self.evaluate(b -> Blocks.call(body, b));
    }

    /** {@code probes { linear(target: weights()); readout(); alignment(with: newton()) }}. */
    public static Experiment.Builder probes(Experiment.Builder self,
                                            @DelegatesTo(value = ProbePlan.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        Blocks.mark("probes");
        return self.probes(b -> Blocks.call(body, b));
    }

    /** {@code linear(target: weights(), layers: all(), position: 'last')}; layers and position may be left out. */
    public static ProbePlan.Builder linear(ProbePlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("linear", named, java.util.List.of("target", "layers", "position"));
        return self.linear(target(args, "linear"), args.has("layers") ? ProbeArguments.layers(args.value("layers"), "linear") : Layers.all(),
                args.has("position") ? ProbeArguments.position(args.value("position"), "linear") : Positions.last());
    }

    /**
     * {@code pooled(target: leastSquaresEstimate(), layers: all(), position: 'last', hidden: 64, steps: 1000, batch: 128,
     * lr: 3e-3)}; all but the target may be left out.
     */
    public static ProbePlan.Builder pooled(ProbePlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("pooled", named,
                java.util.List.of("target", "layers", "position", "hidden", "steps", "batch", "lr"));
        return self.pooled(new PooledProbe(target(args, "pooled"),
                args.has("layers") ? ProbeArguments.layers(args.value("layers"), "pooled") : Layers.all(),
                args.has("position") ? ProbeArguments.position(args.value("position"), "pooled") : Positions.last(),
                args.integer("hidden", PooledProbe.DEFAULT_HIDDEN), args.integer("steps", PooledProbe.DEFAULT_STEPS),
                args.integer("batch", PooledProbe.DEFAULT_BATCH),
                args.has("lr") ? (double) args.convert("lr", double.class) : PooledProbe.DEFAULT_LR));
    }

    /** The required target of a probe word ({@code linear}, {@code pooled}). */
    private static Target target(NamedArguments args, String word) {
        if (!args.has("target")) {
            throw new SpecException(word, "target", "is required (weights(), leastSquaresEstimate(), momentXy(), gradientDescentIterate(...))",
                    "missing");
        }
        return (Target) args.convert("target", Target.class);
    }

    /** {@code readout(layers: all())}. */
    public static ProbePlan.Builder readout(ProbePlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("readout", named, java.util.List.of("layers"));
        return self.readout(args.has("layers") ? ProbeArguments.layers(args.value("layers"), "readout") : Layers.all());
    }

    /** {@code alignment(with: newton(iterations: 1..20), layers: all())}. */
    public static ProbePlan.Builder alignment(ProbePlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("alignment", named, java.util.List.of("with", "layers"));
        if (!args.has("with")) {
            throw new SpecException("alignment", "with", "is required (newton(...) or gradientDescent(...))", "missing");
        }
        Algorithm with = (Algorithm) args.convert("with", Algorithm.class);
        return self.alignment(with, args.has("layers") ? ProbeArguments.layers(args.value("layers"), "alignment") : Layers.all());
    }

    /** {@code attention(prompts: 2)}. */
    public static ProbePlan.Builder attention(ProbePlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("attention", named, java.util.List.of("prompts"));
        return self.attention(args.integer("prompts", org.iclab.spec.probe.AttentionProbe.DEFAULT_PROMPTS));
    }

    /** {@code control(weights: constant())}: a control of the linear probes of one target word. */
    public static ProbePlan.Builder control(ProbePlan.Builder self, Map<String, ?> named) {
        if (named.size() != 1) {
            throw new SpecException("control", "target", "must name one target word and its control, as control(weights: constant())",
                    named.keySet());
        }
        var entry = named.entrySet().iterator().next();
        if (!(entry.getValue() instanceof ControlTask task)) {
            throw new SpecException("control", entry.getKey(), "must be a control: constant() or shuffled()", entry.getValue());
        }
        return self.control(entry.getKey(), task);
    }

    /** {@code curriculum { dims 5, 20, by: 1, every: 2000; points 11, 41, by: 2, every: 2000 }}. */
    public static TrainPlan.Builder curriculum(TrainPlan.Builder self,
                                               @DelegatesTo(value = Curriculum.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        Blocks.mark("train.curriculum");
        return self.curriculum(b -> Blocks.call(body, b));
    }

    /** {@code pool tasks: 64}, {@code pool prompts: 100000}, or both: a finite training distribution (0 = no limit). */
    public static TrainPlan.Builder pool(TrainPlan.Builder self, Map<String, ?> named) {
        NamedArguments args = new NamedArguments("pool", named, java.util.List.of("tasks", "prompts"));
        return self.pool(new Pool(args.integer("tasks", 0), args.integer("prompts", 0)));
    }

    /** {@code dims 5, 20, by: 1, every: 2000}; an omitted {@code by} or {@code every} keeps the two-number form's default. */
    public static Curriculum.Builder dims(Curriculum.Builder self, Map<String, ?> named, int start, int end) {
        Schedule defaults = Curriculum.builder().dims(start, end).points(1, 1).build().dims();
        NamedArguments args = new NamedArguments("dims", named, java.util.List.of("by", "every"));
        return self.dims(start, end, args.integer("by", defaults.by()), args.integer("every", defaults.every()));
    }

    /** {@code loops 1, 12, by: 1, every: 500}; an omitted {@code by} or {@code every} keeps the two-number form's default. */
    public static Curriculum.Builder loops(Curriculum.Builder self, Map<String, ?> named, int start, int end) {
        Schedule defaults = Curriculum.builder().loops(start, end).dims(1, 1).points(1, 1).build().loops();
        NamedArguments args = new NamedArguments("loops", named, java.util.List.of("by", "every"));
        return self.loops(start, end, args.integer("by", defaults.by()), args.integer("every", defaults.every()));
    }

    /** {@code points 11, 41, by: 2, every: 2000}; an omitted {@code by} or {@code every} keeps the two-number form's default. */
    public static Curriculum.Builder points(Curriculum.Builder self, Map<String, ?> named, int start, int end) {
        Schedule defaults = Curriculum.builder().points(start, end).dims(1, 1).build().points();
        NamedArguments args = new NamedArguments("points", named, java.util.List.of("by", "every"));
        return self.points(start, end, args.integer("by", defaults.by()), args.integer("every", defaults.every()));
    }
}
