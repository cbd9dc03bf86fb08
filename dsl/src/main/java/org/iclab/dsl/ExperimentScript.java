package org.iclab.dsl;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final List<org.iclab.claim.Claim> claims = new ArrayList<>();
    private final List<String> scale = new ArrayList<>();
    private final List<org.iclab.claim.FigurePlan> figures = new ArrayList<>();

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
        callOn(body, block);
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
     * Declares the findings the script's experiments reproduce, as checks over their results
     * ({@code ./iclab reproduce} reads them at each seed and over seeds; {@code ./iclab check} checks what they read):
     * <pre>
     * claims {
     *     scale 'a tiny GPT-2 for 6,000 steps; the paper trains 500,000'
     *     claim('by k = 10 the model is near least squares', paper: 'Fig. 2', atMost: 0.05) {
     *         error('quickstart', k: 10) - error('quickstart', learner: 'leastSquares', k: 10)
     *     }
     * }
     * </pre>
     * A claim's block gives a number, which must lie {@code atLeast:}, {@code atMost:} or {@code within:} a bound, or
     * true or false; it reads results through {@link ClaimReader}'s words. Several blocks add up.
     */
    public void claims(@DelegatesTo(value = ClaimsBlock.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        ClaimsBlock block = new ClaimsBlock();
        callOn(body, block);
    }

    /** The settings of a {@code claims} block: {@code claim(...) { ... }} and {@code scale '...'}. */
    public final class ClaimsBlock {
        private static final List<String> OPTIONS = List.of("paper", "atLeast", "atMost", "within");

        /** {@code claim('finding', paper: '...', atLeast: 0.9) { reading }}. */
        @org.iclab.spec.Setting(value = "A finding as the paper states it, and a block that reads the results of one seed: a number that must lie "
                + "atLeast:, atMost: or within: [low, high], or true or false. paper: where the paper states it.",
                example = "claim('by k = 10 the model is near least squares', paper: 'Fig. 2', atMost: 0.05) { error('lr', k: 10) }")
        public void claim(Map<String, ?> options, String name,
                          @DelegatesTo(value = ClaimReader.class, strategy = Closure.DELEGATE_ONLY) Closure<?> check) {
            int line = Blocks.scriptLine(ExperimentScript.this.getClass().getName());
            for (String option : options.keySet()) {
                if (!OPTIONS.contains(option)) {
                    throw new DslError(Suggestions.unknown("setting", option, "claim", OPTIONS));
                }
            }
            if (name == null || name.isBlank()) {
                throw new DslError("a claim needs its finding as its name: claim('conjunctions are learned in context') { ... }");
            }
            if (claims.stream().anyMatch(c -> c.name().equals(name))) {
                throw new DslError("claim '" + name + "' is declared twice");
            }
            Object paper = options.get("paper");
            Closure<?> body = (Closure<?>) check.clone();
            claims.add(new org.iclab.claim.Claim(name, paper == null ? null : String.valueOf(paper), bound(options),
                    results -> read(body, results), source + ":" + line));
        }

        /** {@code claim('finding') { reading }}. */
        public void claim(String name, @DelegatesTo(value = ClaimReader.class, strategy = Closure.DELEGATE_ONLY) Closure<?> check) {
            claim(Map.of(), name, check);
        }

        /** What differs from the paper's setting, for the reproduction's page. */
        @org.iclab.spec.Setting(value = "What differs from the paper's setting, as the reproduction's page says it.",
                example = "scale 'a tiny GPT-2 for 6,000 steps; the paper trains the standard one for 500,000'")
        public void scale(String text) {
            scale.add(text);
        }

        private org.iclab.claim.Bound bound(Map<String, ?> options) {
            Double low = number(options, "atLeast");
            Double high = number(options, "atMost");
            Object within = options.get("within");
            if (within != null) {
                if (low != null || high != null) {
                    throw new DslError("claim: within: takes the place of atLeast: and atMost:, not beside them");
                }
                if (!(within instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof Number a) || !(l.get(1) instanceof Number b)) {
                    throw new DslError("claim: within: must be two numbers, low then high, as within: [0.45, 0.55], was " + within);
                }
                low = a.doubleValue();
                high = b.doubleValue();
            }
            if (low == null && high == null) {
                return null;
            }
            try {
                return new org.iclab.claim.Bound(low, high);
            } catch (IllegalArgumentException e) {
                throw new DslError("claim: " + e.getMessage());
            }
        }

        private Double number(Map<String, ?> options, String name) {
            Object v = options.get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Number n)) {
                throw new DslError("claim: " + name + ": must be a number, was " + v);
            }
            return n.doubleValue();
        }
    }

    /**
     * Declares the figures {@code ./iclab reproduce} draws over seeds onto the reproduction's page:
     * {@code figures { curve('lr', learners: ['model', 'leastSquares']); metric('lr', 'loss');
     * along('div', 'train.pool.tasks', k: 15, learners: ['model', 'bayes']) }}. Checked with the claims.
     */
    public void figures(@DelegatesTo(value = FiguresBlock.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        callOn(body, new FiguresBlock());
    }

    /** The figures of a {@code figures} block. */
    public final class FiguresBlock {
        /** Learners' error (or {@code value:}) against k under {@code strategy:} (standard). */
        @org.iclab.spec.Setting(value = "Learners' error (value: another eval column) against k, under strategy: (standard).",
                example = "curve('lr', learners: ['model', 'leastSquares'])")
        public void curve(Map<String, ?> named, String experiment) {
            add("curve", experiment, named, null, List.of("learners", "strategy", "value"));
        }

        /** Without learners: refused, naming what it needs. */
        public void curve(String experiment) {
            curve(Map.of(), experiment);
        }

        /** Without learners: refused, naming what it needs. */
        public void along(String experiment, String axis) {
            along(Map.of(), experiment, axis);
        }

        /** A metrics.jsonl key against the training step. */
        @org.iclab.spec.Setting(value = "A metrics.jsonl key (loss; mean_error/standard, induction/standard/L1H1 with evaluateEvery) against step.",
                example = "metric('lr', 'loss')")
        public void metric(String experiment, String key) {
            add("metric", experiment, Map.of("value", key), null, List.of("value"));
        }

        /** Learners' error (or {@code value:}) at {@code k:} along a sweep axis. */
        @org.iclab.spec.Setting(value = "Learners' error (value: another column) at k: (the largest by default) along a sweep axis.",
                example = "along('div', 'train.pool.tasks', k: 15, learners: ['model', 'bayes'])")
        public void along(Map<String, ?> named, String experiment, String axis) {
            add("along", experiment, named, axis, List.of("learners", "strategy", "value", "k"));
        }

        private void add(String kind, String experiment, Map<String, ?> named, String axis, List<String> known) {
            int line = Blocks.scriptLine(ExperimentScript.this.getClass().getName());
            for (String name : named.keySet()) {
                if (!known.contains(name)) {
                    throw new DslError(Suggestions.unknown("setting", name, kind, known));
                }
            }
            Object learners = named.get("learners");
            if (!kind.equals("metric") && !(learners instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(CharSequence.class::isInstance))) {
                throw new DslError(kind + ": learners: must be a list of learner names, as learners: ['model', 'leastSquares'], was " + learners);
            }
            Object k = named.get("k");
            if (k != null && !(k instanceof Integer)) {
                throw new DslError(kind + ": k: must be a whole number, was " + k);
            }
            figures.add(new org.iclab.claim.FigurePlan(kind, experiment,
                    learners == null ? List.of() : ((List<?>) learners).stream().map(String::valueOf).toList(),
                    named.containsKey("strategy") ? String.valueOf(named.get("strategy")) : org.iclab.claim.Results.STANDARD,
                    named.containsKey("value") ? String.valueOf(named.get("value")) : "error", axis, (Integer) k, source + ":" + line));
        }
    }

    /** The figures declared so far, in order. */
    public List<org.iclab.claim.FigurePlan> figures() {
        return List.copyOf(figures);
    }

    private static Object read(Closure<?> body, org.iclab.claim.Results results) {
        return callOn(body, new ClaimReader(results));
    }

    /** Calls a copy of {@code body} whose names resolve on {@code delegate} only (a block of the script's own: sweep, claims, figures, a claim). */
    private static Object callOn(Closure<?> body, Object delegate) {
        Closure<?> c = (Closure<?>) body.clone();
        c.setDelegate(delegate);
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        return c.call();
    }

    /** The line of a {@code file:line} location. */
    private static int lineOf(String location) {
        return Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
    }

    /** The claims declared so far, in order. */
    public List<org.iclab.claim.Claim> claims() {
        return List.copyOf(claims);
    }

    /** What the claims blocks say differs from the paper's setting. */
    public List<String> scale() {
        return List.copyOf(scale);
    }

    /**
     * Reads every claim against what the script declares (an unknown experiment, learner, strategy or sweep point, a
     * k out of range, a claim that gives no number or a number without a bound, are errors at the claim's line).
     */
    void checkClaims() {
        Map<String, Experiment> experiments = new java.util.LinkedHashMap<>();
        declared.forEach(d -> experiments.put(d.experiment().name(), d.experiment()));
        Map<String, Map<String, List<String>>> axes = new java.util.LinkedHashMap<>();
        if (!sweep.isEmpty()) {
            Map<String, List<String>> swept = new java.util.LinkedHashMap<>();
            sweep.axes().forEach(a -> swept.put(a.path(), a.values()));
            experiments.keySet().forEach(name -> axes.put(name, swept));
        }
        org.iclab.claim.DeclaredResults declaredResults = new org.iclab.claim.DeclaredResults(experiments, axes);
        for (org.iclab.claim.FigurePlan figure : figures) {
            try {
                figure.read(declaredResults);
            } catch (org.iclab.claim.ClaimException e) {
                int line = lineOf(figure.location());
                throw new DslError("figure " + figure.kind() + " " + e.getMessage(), e, line);
            }
        }
        for (org.iclab.claim.Claim claim : claims) {
            try {
                claim.reading(claim.check().read(declaredResults)); // any other failure propagates, located at its line
            } catch (org.iclab.claim.ClaimException e) {
                // a reading names its own line (the stack holds it); a claim's result, the claim's line
                int line = e.claim() != null ? lineOf(claim.location()) : 0;
                throw new DslError(e.claim() != null ? e.getMessage() : "claim '" + claim.name() + "' " + e.getMessage(), e, line);
            }
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
