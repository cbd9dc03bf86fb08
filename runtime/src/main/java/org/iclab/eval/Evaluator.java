package org.iclab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iclab.baseline.Learner;
import org.iclab.spec.Objective;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.strategy.Standard;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.task.Task;
import org.iclab.spec.task.TokenTask;
import org.iclab.task.EvaluationPrompts;
import org.iclab.task.PromptBatch;
import org.iclab.task.Seeds;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenPool;
import org.iclab.task.TokenSampler;

/**
 * Evaluates a model and the declared baselines under each declared strategy, on that strategy's fixed prompts
 * ({@link EvaluationPrompts}: drawn from the evaluation seed stream, all task dimensions active). Every learner of a
 * strategy sees the same prompts, and the bootstrap's resamples are shared, so intervals are paired.
 */
public final class Evaluator {
    /** Learner name of the trained model in results. */
    public static final String MODEL = "model";
    /** The in-distribution strategy's name. */
    public static final String STANDARD = "standard";
    static final int MODEL_BATCH = 64;

    private final Experiment experiment;
    /** Each strategy's prompts, and a token task's sequences, once drawn (evaluations during training reuse them). */
    private final java.util.Map<Strategy, EvaluationPrompts> drawn = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Strategy, TokenBatch> tokens = new java.util.HashMap<>();

    public Evaluator(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * The evaluator of the short evaluations during training: {@code train.evaluatePrompts} prompts of each declared
     * strategy (the first of the final evaluation's prompts), the model alone, 200 bootstrap resamples.
     */
    public static Evaluator duringTraining(Experiment experiment) {
        EvalPlan plan = experiment.evaluate();
        EvalPlan small = new EvalPlan(experiment.train().evaluatePrompts(), plan.points(), List.of(), plan.strategies(),
                new org.iclab.spec.Bootstrap(200, plan.bootstrap().confidence()), List.of());
        return new Evaluator(experiment.withEvaluation(small));
    }

    /** The standard evaluation prompts: the same for every learner and every call. */
    public PromptBatch prompts() {
        return prompts(new Standard()).prompts();
    }

    /** The prompts of {@code strategy}: the same for every learner and every call, drawn once. */
    public EvaluationPrompts prompts(Strategy strategy) {
        return drawn.computeIfAbsent(strategy, s -> EvaluationPrompts.draw(experiment, s));
    }

    /**
     * Curves for the model (whose function maps a batch to predictions [batch·points] at every position, each from
     * the examples before it) and for each baseline: strategy by strategy in declaration order, and within a
     * strategy the model first, then the baselines as declared.
     */
    public List<ErrorCurve> evaluate(Function<PromptBatch, float[]> model) {
        return evaluate(java.util.Map.of(MODEL, model));
    }

    /**
     * As {@link #evaluate(Function)} with several readings of the model (a looped model after other loop counts:
     * {@code model@24}), each scored like the model, in the map's order, before the baselines.
     */
    public List<ErrorCurve> evaluate(java.util.Map<String, Function<PromptBatch, float[]>> models) {
        EvalPlan plan = experiment.evaluate();
        BootstrapInterval bootstrap = new BootstrapInterval(plan.prompts(), plan.bootstrap().resamples(),
                plan.bootstrap().confidence(), Seeds.derive(experiment.seed(), Seeds.Stream.BOOTSTRAP, 0));
        Task task = experiment.task();
        List<ErrorCurve> curves = new ArrayList<>();
        for (Strategy strategy : plan.strategies()) {
            EvaluationPrompts prompts = prompts(strategy);
            String label = strategy.label();
            if (!prompts.queryDiffers()) {
                PromptBatch batch = prompts.prompts();
                Agreement agreement = null;
                for (var entry : models.entrySet()) {
                    double[][] pred = modelPredictions(batch, entry.getValue());
                    curves.add(bootstrap.curve(label, entry.getKey(), errors(batch, pred, task)));
                    if (agreement == null && plan.agreement() > 0 && !plan.baselines().isEmpty()) { // the model's first reading
                        agreement = Agreement.of(batch, pred, entry.getValue(), plan.agreement(),
                                Seeds.derive(experiment.seed(), Seeds.Stream.PROBE, EvaluationPrompts.seed(0, strategy)), MODEL_BATCH);
                    }
                }
                for (Baseline baseline : plan.baselines()) {
                    Learner learner = Learner.of(baseline, experiment);
                    double[][] pred = IntStream.range(0, batch.batch()).parallel()
                            .mapToObj(p -> learner.predictPrefixes(batch, p)).toArray(double[][]::new);
                    ErrorCurve curve = bootstrap.curve(label, baseline.learnerName(), errors(batch, pred, task));
                    curves.add(agreement == null ? curve : curve.with(agreement.with(pred, learner)));
                }
            } else {
                models.forEach((name, model) -> curves.add(bootstrap.curve(label, name, modelQueryErrors(prompts, model, task))));
                for (Baseline baseline : plan.baselines()) {
                    Learner learner = Learner.of(baseline, experiment);
                    double[][] errors = IntStream.range(0, prompts.prompts().batch()).parallel()
                            .mapToObj(p -> learnerQueryErrors(prompts, p, learner, task))
                            .toArray(double[][]::new);
                    curves.add(bootstrap.curve(label, baseline.learnerName(), errors));
                }
            }
        }
        return curves;
    }

    /**
     * A token task's curves: the model's, then each declared baseline's, on the task's evaluation sequences (drawn
     * from the evaluation seed stream), per position, averaged over the sequences whose mask scores that position,
     * with paired bootstrap intervals; NaN at a position no sequence scores. The error is the first of the task's
     * {@link org.iclab.spec.score.Score}s ({@link Objective.CrossEntropy#scores()}), the others beside it
     * ({@link TokenEvaluation}). {@code logits} maps a batch to [batch·length·vocabulary].
     */
    public List<ErrorCurve> evaluateTokens(Function<TokenBatch, float[]> logits) {
        List<ErrorCurve> curves = new ArrayList<>();
        for (Strategy strategy : experiment.evaluate().strategies()) {
            curves.addAll(evaluateTokens(strategy, logits));
        }
        return curves;
    }

    /** {@link #evaluateTokens(Function)} on the sequences of one strategy (standard, or a test set of the task's). */
    private List<ErrorCurve> evaluateTokens(Strategy strategy, Function<TokenBatch, float[]> logits) {
        return new TokenEvaluation(experiment, MODEL, MODEL_BATCH).evaluate(strategy.label(), tokenPrompts(strategy), logits);
    }

    /**
     * A token task's evaluation sequences: the same for every call. Where training draws from a pool of languages,
     * every evaluation sequence's language is a fresh one outside it.
     */
    public TokenBatch tokenPrompts() {
        return tokenPrompts(new Standard());
    }

    /**
     * A token task's evaluation sequences under {@code strategy} (standard, or one of the task's test sets), drawn
     * once, from the strategy's seed ({@link EvaluationPrompts#seed}).
     */
    public synchronized TokenBatch tokenPrompts(Strategy strategy) {
        return tokens.computeIfAbsent(strategy, this::drawTokenPrompts);
    }

    private TokenBatch drawTokenPrompts(Strategy strategy) {
        EvalPlan plan = experiment.evaluate();
        TokenTask task = (TokenTask) experiment.task();
        long seed = EvaluationPrompts.seed(experiment.seed(), strategy);
        if (!(strategy instanceof Standard)) {
            return new TokenSampler(task).sample(seed, plan.prompts(), plan.points(), strategy);
        }
        var pool = experiment.train().pool();
        TokenPool training = pool.limited() ? new TokenPool(task, pool, experiment.seed()) : null;
        return new TokenSampler(task).sample(seed, plan.prompts(), plan.points(), task.hasOracle(), training, TokenSampler.Use.EVALUATE);
    }

    /** The model's predictions at every position of every prompt, [prompt][k], in batches of MODEL_BATCH prompts. */
    private static double[][] modelPredictions(PromptBatch prompts, Function<PromptBatch, float[]> model) {
        double[][] out = new double[prompts.batch()][];
        for (int from = 0; from < prompts.batch(); from += MODEL_BATCH) {
            int to = Math.min(prompts.batch(), from + MODEL_BATCH);
            PromptBatch chunk = prompts.slice(from, to);
            float[] pred = model.apply(chunk);
            for (int p = 0; p < chunk.batch(); p++) {
                double[] row = new double[chunk.points()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = pred[p * chunk.points() + i];
                }
                out[from + p] = row;
            }
        }
        return out;
    }

    /** Every prompt's per-position errors, from predictions [prompt][k]. */
    private static double[][] errors(PromptBatch batch, double[][] pred, Task task) {
        double[][] errors = new double[pred.length][];
        for (int p = 0; p < pred.length; p++) {
            errors[p] = errors(batch, p, pred[p], task);
        }
        return errors;
    }

    /**
     * The model's errors where each k has a prompt of its own (context 0..k-1, then the query): the prompts of one k
     * are run together, cut after the query, which a causal model's prediction at k cannot see past anyway. A call
     * holds as many tokens as one of the standard path's (MODEL_BATCH full prompts), so short prompts go in larger
     * batches.
     */
    private static double[][] modelQueryErrors(EvaluationPrompts prompts, Function<PromptBatch, float[]> model, Task task) {
        int count = prompts.prompts().batch();
        int scored = prompts.scoredPoints();
        double[][] errors = new double[count][scored];
        for (int k = 0; k < scored; k++) {
            int perCall = Math.max(1, MODEL_BATCH * prompts.prompts().points() / (k + 1));
            for (int from = 0; from < count; from += perCall) {
                int to = Math.min(count, from + perCall);
                PromptBatch chunk = prompts.atQuery(k, from, to);
                float[] pred = model.apply(chunk);
                for (int p = 0; p < chunk.batch(); p++) {
                    errors[from + p][k] = error(pred[p * chunk.points() + k], chunk.y(p, k), task);
                }
            }
        }
        return errors;
    }

    /** A learner's errors on one prompt where each k has a prompt of its own: {@link Learner#predictAt} at the query. */
    private static double[] learnerQueryErrors(EvaluationPrompts prompts, int prompt, Learner learner, Task task) {
        double[] errors = new double[prompts.scoredPoints()];
        for (int k = 0; k < errors.length; k++) {
            PromptBatch one = prompts.atQuery(k, prompt, prompt + 1);
            errors[k] = error(learner.predictAt(one, 0, k), one.y(0, k), task);
        }
        return errors;
    }

    /** Per-position errors of one prompt's predictions under the task's objective. */
    static double[] errors(PromptBatch batch, int prompt, double[] pred, Task task) {
        double[] err = new double[pred.length];
        for (int i = 0; i < pred.length; i++) {
            err[i] = error(pred[i], batch.y(prompt, i), task);
        }
        return err;
    }

    /** One prediction's error against its target under the task's metric (what eval.csv reports, per prompt and k). */
    public static double error(double pred, double y, Task task) {
        return task.objective().error(pred, y);
    }
}
