package org.iclab.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.List;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;

/**
 * The base class of every experiment script (set by {@link ExperimentScripts#configuration()}). A script is an
 * ordinary Groovy program — loops, methods, variables — that declares experiments:
 *
 * <pre>
 * experiment('lr-tiny') {
 *     task linearRegression(dims: 5)
 *     prompt interleaved(points: 11)
 *     model gpt2('tiny')
 *     train { steps 2000; optimizer adam(lr: 1e-3) }
 * }
 * </pre>
 *
 * Each {@code experiment} block runs on an {@link Experiment.Builder} (only: a typo cannot resolve to anything
 * else) and is validated when the block ends; the declared experiments are collected in order.
 */
public abstract class ExperimentScript extends Script {
    private final List<DeclaredExperiment> declared = new ArrayList<>();
    private String source = getClass().getSimpleName() + ".groovy";
    private SweepAxes sweep = SweepAxes.NONE;

    protected ExperimentScript() {
    }

    protected ExperimentScript(Binding binding) {
        super(binding);
    }

    /** Declares and validates the experiment {@code name}; returns it, so a script may also inspect it. */
    public Experiment experiment(String name,
                                 @DelegatesTo(value = Experiment.Builder.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        int line = Blocks.scriptLine(getClass().getName());
        try (Blocks.Declaration declaration = Blocks.open(getClass().getName(), line)) {
            Experiment.Builder builder = Experiment.builder(name);
            Blocks.call(body, builder);
            Experiment experiment;
            try {
                experiment = builder.build();
            } catch (SpecException problems) {
                throw new LocatedProblems(problems, problems.problems().stream().map(p -> declaration.lineOf(p.path())).toList());
            }
            declared.add(new DeclaredExperiment(experiment, source, line));
            return experiment;
        }
    }

    /**
     * Declares the axes of a sweep over the script's experiments ({@code ./iclab sweep SCRIPT} runs one experiment per
     * point): {@code sweep { axis 'train.pool.tasks', [2, 8, 32]; axis 'seed', 0..4; zip 'a', 'b' }}. Several blocks
     * add up; {@code ./iclab run} ignores them.
     */
    public void sweep(@DelegatesTo(value = SweepBlock.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SweepBlock block = new SweepBlock();
        Closure<?> c = (Closure<?>) body.clone();
        c.setDelegate(block);
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        c.call();
        sweep = sweep.and(block.axes());
    }

    /** The axes of the script's sweep blocks (none where it has none). */
    public SweepAxes sweepAxes() {
        return sweep;
    }

    /** The settings of a {@code sweep} block: {@code axis PATH, VALUES} and {@code zip PATH, PATH...}. */
    public static final class SweepBlock {
        private final List<SweepAxes.Axis> axes = new ArrayList<>();
        private final List<List<String>> zips = new ArrayList<>();

        /**
         * An axis: a spec.json path and its values — a list, a range ({@code 0..4}), one value, or text as the command
         * line's {@code --axis} takes it ({@code '2^1..2^10,inf'}).
         */
        public void axis(String path, Object values) {
            List<String> texts = new ArrayList<>();
            if (values instanceof CharSequence text) {
                try {
                    texts.addAll(SweepAxes.values(text.toString()));
                } catch (IllegalArgumentException e) {
                    throw new SpecException("sweep", "axis", e.getMessage(), path);
                }
            } else if (values instanceof Iterable<?> list) {
                list.forEach(v -> texts.add(text(v)));
            } else if (values instanceof Object[] array) {
                for (Object v : array) {
                    texts.add(text(v));
                }
            } else {
                texts.add(text(values));
            }
            if (texts.isEmpty() || texts.stream().distinct().count() != texts.size()) {
                throw new SpecException("sweep", "axis", "must have values, each once", path + ": " + texts);
            }
            axes.add(new SweepAxes.Axis(path, texts));
        }

        /** Axes whose i-th values go together instead of being crossed (each already declared, all as long). */
        public void zip(String... paths) {
            zips.add(List.of(paths));
        }

        private static String text(Object v) {
            if (v instanceof Double d && d.isInfinite() && d > 0) {
                return "inf";
            }
            return v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v);
        }

        SweepAxes axes() {
            return new SweepAxes(axes, zips);
        }
    }

    /**
     * A name the script does not define: a word of the vocabulary ({@link Words}), made from its arguments; anything
     * else is missing.
     */
    public Object methodMissing(String name, Object args) {
        Object[] values = org.codehaus.groovy.runtime.InvokerHelper.asArray(args);
        Object made = Words.call(name, values);
        if (made == Words.NOT_A_WORD) {
            throw new groovy.lang.MissingMethodException(name, getClass(), values);
        }
        return made;
    }

    /** The experiments declared so far, in order. */
    public List<DeclaredExperiment> declared() {
        return List.copyOf(declared);
    }

    void source(String source) {
        this.source = source;
    }

    /** Problems found when an experiment is built, each with the line of the block that declared its setting. */
    static final class LocatedProblems extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SpecException problems;
        final transient List<Integer> lines;

        LocatedProblems(SpecException problems, List<Integer> lines) {
            super(problems.getMessage(), problems);
            this.problems = problems;
            this.lines = lines;
        }
    }
}
