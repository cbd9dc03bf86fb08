package org.iclab.task;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Gaussian;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;

/**
 * The prompts one evaluation {@link Strategy} is scored on: {@code prompts} fixed prompts of {@code points} pairs
 * (the experiment's evaluation plan), all task dimensions active, drawn from the strategy's own seed
 * ({@link #seed}).
 *
 * <p>Most strategies change how the prompts are drawn and are scored like the standard ones: at position k of
 * {@link #prompts()}, from the k examples before it. Strategies whose query differs from the context
 * ({@link Strategy#queryDiffers()}) follow Garg et al.'s {@code eval_batch} with {@code xs_p}: {@link #prompts()}
 * holds the context inputs and their y, each prompt also has one query input per k (with y = the prompt's function
 * at the query), and k is scored on {@link #atQuery}'s prompt: the first k context examples, then the query.
 *
 * <p>All strategies keep the experiment's function class and input distribution apart from the one thing they
 * change: halfSubspace and skewedCovariance replace the gaussian inputs' covariance but keep their scale and bias,
 * scaledX scales the experiment's inputs whatever their covariance, and the query strategies rearrange the
 * experiment's inputs.
 */
public final class EvaluationPrompts {
    private final Strategy strategy;
    private final PromptBatch prompts;
    private final float[] queryXs;
    private final float[] queryYs;
    private final int scored;

    EvaluationPrompts(Strategy strategy, PromptBatch prompts, float[] queryXs, float[] queryYs, int scored) {
        this.strategy = strategy;
        this.prompts = prompts;
        this.queryXs = queryXs;
        this.queryYs = queryYs;
        this.scored = scored;
    }

    /**
     * The seed of a strategy's prompts: the evaluation stream at index 0 for {@code standard} (the evaluation prompts
     * iclab always drew), and at a 64-bit hash of the label for the others, so that declaring, dropping or
     * reordering strategies never changes another strategy's prompts.
     */
    public static long seed(long experimentSeed, Strategy strategy) {
        long index = strategy instanceof Standard ? 0 : labelHash(strategy.label());
        return Seeds.derive(experimentSeed, Seeds.Stream.EVAL, index);
    }

    /** FNV-1a, 64 bits, of the label's UTF-8 bytes: a fixed function of the text, unlike String.hashCode's 32 bits. */
    static long labelHash(String label) {
        long h = 0xCBF29CE484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }

    /**
     * Draws the prompts of {@code strategy} for {@code experiment}'s evaluation plan through the strategy's registered
     * {@link EvaluationStrategy}; the same arguments give the same prompts.
     */
    public static EvaluationPrompts draw(Experiment experiment, Strategy strategy) {
        return EvaluationStrategy.of(strategy).draw(strategy, experiment, seed(experiment.seed(), strategy));
    }

    /**
     * A query strategy's prompts: each prompt's function and context inputs drawn as the experiment draws them, its
     * queries derived by {@code rule}, and each query's y the prompt's function at the query.
     */
    static EvaluationPrompts withQueries(Strategy strategy, Experiment experiment, long seed, EvaluationStrategy.QueryRule rule,
                                         boolean withinSpan) {
        EvalPlan plan = experiment.evaluate();
        int dims = experiment.task().dims();
        int count = plan.prompts();
        int points = plan.points();
        PromptSampler own = PromptSampler.of(experiment);
        int scored = withinSpan ? Math.min(points, own.inputSpan()) : points;
        QueryDesign design = new QueryDesign(rule, count, points, dims, scored);
        PromptBatch context = own.sample(seed, count, points, dims, design);
        float[] queryYs = new float[count * points];
        for (int p = 0; p < count; p++) {
            for (int k = 0; k < scored; k++) {
                int row = p * points + k;
                queryYs[row] = (float) design.functions[p].apply(design.queries, row * dims);
            }
        }
        return new EvaluationPrompts(strategy, context, design.queries, queryYs, scored);
    }

    /** The experiment's task with its gaussian inputs' covariance replaced; the transform is drawn from {@code seed}. */
    static PromptSampler withCovariance(Experiment experiment, String covariance, Integer rank, long seed) {
        if (!(experiment.inputs() instanceof Gaussian g)) {
            throw new IllegalArgumentException("strategy needs gaussian inputs, the experiment has " + experiment.inputs());
        }
        return new PromptSampler(experiment.task(), g.withCovariance(covariance, rank), seed);
    }

    static PromptDesign scaledInputs(double factor) {
        return new PromptDesign() {
            @Override
            public void inputs(PromptSampler sampler, SplittableRandom rng, float[] xs, int offset, int points, int activeDims) {
                sampler.drawInputs(rng, xs, offset, points, activeDims);
                int dims = sampler.task().dims();
                for (int i = 0; i < points; i++) {
                    for (int j = 0; j < activeDims; j++) {
                        xs[offset + i * dims + j] *= (float) factor;
                    }
                }
            }
        };
    }

    public Strategy strategy() {
        return strategy;
    }

    /** The prompts as drawn; for a strategy whose query differs, the context inputs and their y. */
    public PromptBatch prompts() {
        return prompts;
    }

    /** Whether k is scored on {@link #atQuery}'s prompts rather than on {@link #prompts()}. */
    public boolean queryDiffers() {
        return queryXs != null;
    }

    /**
     * The number of positions scored, k = 0..scoredPoints()-1: the evaluation's points, except for
     * orthogonalTrainTest, where only k below the dimension of the inputs' span can have a query orthogonal to the
     * k context inputs before it.
     */
    public int scoredPoints() {
        return scored;
    }

    /** Coordinate {@code dim} of the query input at position {@code k} of prompt {@code prompt}. */
    public float queryX(int prompt, int k, int dim) {
        requireQueries();
        return queryXs[(prompt * prompts.points() + k) * prompts.dims() + dim];
    }

    /** The y of the query at position {@code k} of prompt {@code prompt}: the prompt's function at the query. */
    public float queryY(int prompt, int k) {
        requireQueries();
        return queryYs[prompt * prompts.points() + k];
    }

    /**
     * Prompts {@code from} (inclusive) to {@code to} (exclusive) as they are scored at position {@code k}: the first
     * k context examples, then the query at position k, and nothing after it (position k is the only one scored, and
     * neither a causal model nor a learner looks past it), so the batch has k + 1 points.
     */
    public PromptBatch atQuery(int k, int from, int to) {
        requireQueries();
        if (k < 0 || k >= scored) {
            throw new IndexOutOfBoundsException("k must be in [0, " + scored + "), was " + k);
        }
        int dims = prompts.dims();
        int points = prompts.points();
        int length = k + 1;
        int count = to - from;
        float[] xs = new float[count * length * dims];
        float[] ys = new float[count * length];
        for (int p = 0; p < count; p++) {
            int source = (from + p) * points;
            System.arraycopy(prompts.xs(), source * dims, xs, p * length * dims, k * dims);
            System.arraycopy(prompts.ys(), source, ys, p * length, k);
            System.arraycopy(queryXs, (source + k) * dims, xs, (p * length + k) * dims, dims);
            ys[p * length + k] = queryYs[source + k];
        }
        return new PromptBatch(count, length, dims, xs, ys);
    }

    private void requireQueries() {
        if (queryXs == null) {
            throw new IllegalStateException(strategy.label() + " scores the prompts as drawn; it has no separate queries");
        }
    }

    /**
     * Draws each prompt's function and context inputs as the experiment does, then derives its queries from them; it
     * keeps the functions so that the queries' y can be computed. Single use: one per batch.
     */
    private static final class QueryDesign implements PromptDesign {
        private final EvaluationStrategy.QueryRule rule;
        private final int points;
        private final int dims;
        private final int scored;
        final TaskFunction[] functions;
        final float[] queries;

        QueryDesign(EvaluationStrategy.QueryRule rule, int count, int points, int dims, int scored) {
            this.rule = rule;
            this.points = points;
            this.dims = dims;
            this.scored = scored;
            this.functions = new TaskFunction[count];
            this.queries = new float[count * points * dims];
        }

        @Override
        public TaskFunction function(PromptSampler sampler, SplittableRandom rng, int prompt, int activeDims) {
            TaskFunction f = PromptDesign.super.function(sampler, rng, prompt, activeDims);
            functions[prompt] = f;
            return f;
        }

        @Override
        public void inputs(PromptSampler sampler, SplittableRandom rng, float[] xs, int offset, int count, int activeDims) {
            PromptDesign.super.inputs(sampler, rng, xs, offset, count, activeDims);
            rule.fill(rng, xs, queries, offset, points, dims, activeDims, scored);
        }
    }

    /** Query 0 is x_0; query k is one of the k context inputs before it, chosen uniformly ({@code nextInt(k)}). */
    static void overlapping(SplittableRandom rng, float[] xs, float[] queries, int offset, int points, int dims) {
        System.arraycopy(xs, offset, queries, offset, dims);
        for (int k = 1; k < points; k++) {
            int j = rng.nextInt(k);
            System.arraycopy(xs, offset + j * dims, queries, offset + k * dims, dims);
        }
    }

    /**
     * Garg et al.'s quadrants: one sign pattern s per prompt, context x = |x|·s; the query is the plain x
     * (random quadrants) or −|x|·s (opposite quadrants).
     */
    static void quadrants(SplittableRandom rng, float[] xs, float[] queries, int offset, int points, int dims, int activeDims,
                          boolean opposite) {
        float[] signs = new float[activeDims];
        for (int j = 0; j < activeDims; j++) {
            signs[j] = rng.nextBoolean() ? 1f : -1f;
        }
        for (int k = 0; k < points; k++) {
            int row = offset + k * dims;
            for (int j = 0; j < activeDims; j++) {
                float plain = xs[row + j];
                float context = Math.abs(plain) * signs[j];
                xs[row + j] = context;
                queries[row + j] = opposite ? -context : plain;
            }
        }
    }

    /**
     * Query k is x_k minus its projection onto span(x_0..x_{k-1}), rescaled to |x_k|. The span's orthonormal
     * basis grows by Gram–Schmidt (each residual orthogonalised twice, which keeps it orthogonal to working
     * precision) as k goes up. Positions from {@code scored} on get no query (they are not scored).
     */
    static void orthogonal(float[] xs, float[] queries, int offset, int dims, int scored) {
        double[][] basis = new double[scored][];
        for (int k = 0; k < scored; k++) {
            int row = offset + k * dims;
            double[] r = new double[dims];
            double normX = 0;
            for (int j = 0; j < dims; j++) {
                r[j] = xs[row + j];
                normX += r[j] * r[j];
            }
            normX = Math.sqrt(normX);
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < k; b++) {
                    double dot = 0;
                    for (int j = 0; j < dims; j++) {
                        dot += r[j] * basis[b][j];
                    }
                    for (int j = 0; j < dims; j++) {
                        r[j] -= dot * basis[b][j];
                    }
                }
            }
            double normR = 0;
            for (double v : r) {
                normR += v * v;
            }
            normR = Math.sqrt(normR);
            if (!(normR > 1e-9 * normX)) {
                throw new IllegalStateException("orthogonalTrainTest: input " + k + " lies in the span of the "
                        + k + " before it, so no query orthogonal to them has its norm");
            }
            for (int j = 0; j < dims; j++) {
                r[j] /= normR;
                queries[row + j] = (float) (r[j] * normX);
            }
            basis[k] = r;
        }
    }
}
