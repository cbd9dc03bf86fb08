package org.iclab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iclab.baseline.Learner;
import org.iclab.baseline.TokenLearner;
import org.iclab.spec.Bayes;
import org.iclab.spec.Objective;
import org.iclab.spec.Baseline;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Standard;
import org.iclab.spec.Strategy;
import org.iclab.spec.Task;
import org.iclab.spec.TokenTask;
import org.iclab.task.EvaluationPrompts;
import org.iclab.task.PromptBatch;
import org.iclab.task.Seeds;
import org.iclab.task.TokenBatch;
import org.iclab.task.TokenClass;
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
                models.forEach((name, model) -> curves.add(bootstrap.curve(label, name, modelErrors(batch, model, task))));
                for (Baseline baseline : plan.baselines()) {
                    Learner learner = Learner.of(baseline, experiment);
                    double[][] errors = IntStream.range(0, batch.batch()).parallel()
                            .mapToObj(p -> errors(batch, p, learner.predictPrefixes(batch, p), task))
                            .toArray(double[][]::new);
                    curves.add(bootstrap.curve(label, baseline.learnerName(), errors));
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

    /** Measures a token task reports beside its error: the mean cross-entropy (nats) at each position and its exponential. */
    public static final String CROSS_ENTROPY = "cross_entropy";
    public static final String PERPLEXITY = "perplexity";
    /** Beside another error: 1 − accuracy of the arg-max token. */
    public static final String TOKEN_ERROR = "token_error";
    /** Beside a cross-entropy error: the learner's cross-entropy minus the Bayes-optimal predictor's, position by position. */
    public static final String EXCESS_OVER_BAYES = "excess_over_bayes";
    /** Beside a DFA error: the total-variation distance from the prediction to the oracle (uniform over the allowed tokens). */
    public static final String TVD = "tvd";

    /**
     * A token task's curves: the model's, then each declared baseline's, on the task's evaluation sequences (drawn
     * from the evaluation seed stream), per position, averaged over the sequences whose mask scores that position,
     * with paired bootstrap intervals; NaN at a position no sequence scores. The error is the task's
     * {@link Objective.CrossEntropy.Score}: 1 − accuracy of the arg-max token, with the mean cross-entropy and
     * perplexity beside it; or the cross-entropy in nats (markovChain), with the token error, the perplexity and,
     * where the task has a Bayes-optimal predictor, the excess over it; or 1 − DFA accuracy (regularLanguage: the
     * arg-max token is one the automaton allows), with the token error, the cross-entropy and the total-variation
     * distance to the oracle. {@code logits} maps a batch to [batch·length·vocabulary].
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
        EvalPlan plan = experiment.evaluate();
        TokenTask task = (TokenTask) experiment.task();
        Objective.CrossEntropy.Score score = ((Objective.CrossEntropy) task.objective()).score();
        TokenBatch prompts = tokenPrompts(strategy);
        int length = prompts.length();
        int vocabulary = prompts.vocabulary();
        BootstrapInterval bootstrap = new BootstrapInterval(plan.prompts(), plan.bootstrap().resamples(),
                plan.bootstrap().confidence(), Seeds.derive(experiment.seed(), Seeds.Stream.BOOTSTRAP, 0));
        double[][] weights = new double[prompts.batch()][length];
        for (int p = 0; p < prompts.batch(); p++) {
            for (int t = 0; t < length; t++) {
                weights[p][t] = prompts.mask(p, t);
            }
        }
        java.util.Map<String, TokenScores> scores = new java.util.LinkedHashMap<>();
        TokenScores model = new TokenScores(prompts.batch(), length);
        for (int from = 0; from < prompts.batch(); from += MODEL_BATCH) {
            int to = Math.min(prompts.batch(), from + MODEL_BATCH);
            float[] out = logits.apply(prompts.slice(from, to));
            double[] probs = new double[length * vocabulary];
            for (int p = from; p < to; p++) {
                for (int t = 0; t < length; t++) {
                    int at = ((p - from) * length + t) * vocabulary;
                    int argMax = TokenBatch.argMax(out, at, vocabulary);
                    double max = out[at + argMax];
                    double sum = 0;
                    for (int v = 0; v < vocabulary; v++) {
                        sum += Math.exp(out[at + v] - max);
                    }
                    for (int v = 0; v < vocabulary; v++) {
                        probs[t * vocabulary + v] = Math.exp(out[at + v] - max) / sum;
                    }
                    // the log-softmax directly, so that a confident model's cross-entropy does not round to log(0)
                    model.crossEntropy[p][t] = max + Math.log(sum) - out[at + prompts.target(p, t)];
                }
                model.score(prompts, p, probs, task, false);
            }
        }
        scores.put(MODEL, model);
        for (Baseline baseline : plan.baselines()) {
            scores.put(baseline.learnerName(), tokenScores(prompts, TokenLearner.of(baseline, task), task));
        }
        TokenScores bayes = null;
        Bayes optimal = new Bayes();
        if (score == Objective.CrossEntropy.Score.NATS && optimal.cannotScore(task) == null) {
            bayes = scores.containsKey(optimal.learnerName()) ? scores.get(optimal.learnerName())
                    : tokenScores(prompts, TokenLearner.of(optimal, task), task);
        }
        if (!"position".equals(task.unit())) {
            Units units = new Units(prompts, task, weights);
            scores.replaceAll((name, s) -> units.of(s));
            bayes = bayes == null ? null : units.of(bayes);
            weights = units.weights;
            length = units.count;
        }
        double[] reference = bayes == null ? null : weightedMean(bayes.crossEntropy, weights);
        List<ErrorCurve> curves = new ArrayList<>();
        for (var e : scores.entrySet()) {
            TokenScores s = e.getValue();
            double[] crossEntropy = weightedMean(s.crossEntropy, weights);
            double[] perplexity = new double[length];
            for (int t = 0; t < length; t++) {
                perplexity[t] = Math.exp(crossEntropy[t]);
            }
            java.util.Map<String, double[]> beside = new java.util.LinkedHashMap<>();
            double[][] error = switch (score) {
                case TOKEN -> {
                    beside.put(CROSS_ENTROPY, crossEntropy);
                    beside.put(PERPLEXITY, perplexity);
                    yield s.wrong;
                }
                case NATS -> {
                    beside.put(TOKEN_ERROR, weightedMean(s.wrong, weights));
                    beside.put(PERPLEXITY, perplexity);
                    if (reference != null) {
                        double[] excess = new double[length];
                        for (int t = 0; t < length; t++) {
                            excess[t] = crossEntropy[t] - reference[t];
                        }
                        beside.put(EXCESS_OVER_BAYES, excess);
                    }
                    yield s.crossEntropy;
                }
                case VALID -> {
                    beside.put(TOKEN_ERROR, weightedMean(s.wrong, weights));
                    beside.put(CROSS_ENTROPY, crossEntropy);
                    beside.put(TVD, weightedMean(s.tvd, weights));
                    yield s.invalid;
                }
            };
            curves.add(bootstrap.curve(strategy.label(), e.getKey(), error, weights).with(beside));
        }
        return curves;
    }

    /** A token learner's scores on every sequence and position (sequences in parallel). */
    private static TokenScores tokenScores(TokenBatch prompts, TokenLearner learner, TokenTask task) {
        TokenScores s = new TokenScores(prompts.batch(), prompts.length());
        IntStream.range(0, prompts.batch()).parallel().forEach(p -> {
            double[] probs = new double[prompts.length() * prompts.vocabulary()];
            learner.predict(prompts, p, probs);
            s.score(prompts, p, probs, task, true);
        });
        return s;
    }

    /**
     * Per sequence and position: whether the arg-max token was wrong (0/1), whether it is one the task does not
     * allow next (0/1; where the batch has oracle distributions), the cross-entropy at the target and the
     * total-variation distance to the oracle.
     */
    private static final class TokenScores {
        final double[][] wrong;
        final double[][] invalid;
        final double[][] crossEntropy;
        final double[][] tvd;

        TokenScores(int sequences, int length) {
            wrong = new double[sequences][length];
            invalid = new double[sequences][length];
            crossEntropy = new double[sequences][length];
            tvd = new double[sequences][length];
        }

        /** Scores sequence {@code p} from its distributions {@code probs} [length·vocabulary]; the cross-entropy too where {@code withCrossEntropy}. */
        void score(TokenBatch batch, int p, double[] probs, TokenTask task, boolean withCrossEntropy) {
            int v = batch.vocabulary();
            float[] oracle = batch.oracle();
            for (int t = 0; t < batch.length(); t++) {
                int at = t * v;
                int best = 0;
                for (int j = 1; j < v; j++) {
                    if (probs[at + j] > probs[at + best]) {
                        best = j;
                    }
                }
                int target = batch.target(p, t);
                wrong[p][t] = task.objective().error(best, target);
                if (withCrossEntropy) {
                    crossEntropy[p][t] = -Math.log(Math.max(probs[at + target], Double.MIN_NORMAL));
                }
                if (oracle != null) {
                    int o = (p * batch.length() + t) * v;
                    invalid[p][t] = oracle[o + best] > 0 ? 0 : 1;
                    double distance = 0;
                    for (int j = 0; j < v; j++) {
                        distance += Math.abs(probs[at + j] - oracle[o + j]);
                    }
                    tvd[p][t] = distance / 2;
                }
            }
        }
    }

    /**
     * A task's scoring units ({@link TokenTask#unit()}, e.g. strings): each unit's score in a sequence is the mean over
     * its scored positions, and a unit counts (weight 1) where it has one.
     */
    private static final class Units {
        final int[][] unitOf;
        final double[][] positionWeights;
        final double[][] weights;
        final int count;

        Units(TokenBatch prompts, TokenTask task, double[][] positionWeights) {
            TokenClass<TokenTask> sequences = TokenClass.of(task);
            this.positionWeights = positionWeights;
            unitOf = new int[prompts.batch()][];
            int max = 0;
            for (int p = 0; p < prompts.batch(); p++) {
                unitOf[p] = sequences.units(task, prompts, p);
                for (int t = 0; t < unitOf[p].length; t++) {
                    if (positionWeights[p][t] > 0) {
                        max = Math.max(max, unitOf[p][t]);
                    }
                }
            }
            count = max + 1;
            weights = new double[prompts.batch()][count];
            for (int p = 0; p < prompts.batch(); p++) {
                for (int t = 0; t < unitOf[p].length; t++) {
                    if (positionWeights[p][t] > 0) {
                        weights[p][unitOf[p][t]] = 1;
                    }
                }
            }
        }

        TokenScores of(TokenScores s) {
            TokenScores u = new TokenScores(unitOf.length, count);
            double[][][] from = {s.wrong, s.invalid, s.crossEntropy, s.tvd};
            double[][][] to = {u.wrong, u.invalid, u.crossEntropy, u.tvd};
            for (int p = 0; p < unitOf.length; p++) {
                double[] total = new double[count];
                for (int t = 0; t < unitOf[p].length; t++) {
                    double w = positionWeights[p][t];
                    if (w > 0) {
                        total[unitOf[p][t]] += w;
                        for (int m = 0; m < from.length; m++) {
                            to[m][p][unitOf[p][t]] += w * from[m][p][t];
                        }
                    }
                }
                for (int k = 0; k < count; k++) {
                    for (int m = 0; m < from.length; m++) {
                        to[m][p][k] = total[k] > 0 ? to[m][p][k] / total[k] : 0;
                    }
                }
            }
            return u;
        }
    }

    /** The weighted mean of {@code values} at each position (NaN where no sequence is scored). */
    private static double[] weightedMean(double[][] values, double[][] weights) {
        int length = values[0].length;
        double[] mean = new double[length];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            double w = 0;
            for (int p = 0; p < values.length; p++) {
                sum += weights[p][t] * values[p][t];
                w += weights[p][t];
            }
            mean[t] = w > 0 ? sum / w : Double.NaN;
        }
        return mean;
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

    private static double[][] modelErrors(PromptBatch prompts, Function<PromptBatch, float[]> model, Task task) {
        double[][] errors = new double[prompts.batch()][];
        for (int from = 0; from < prompts.batch(); from += MODEL_BATCH) {
            int to = Math.min(prompts.batch(), from + MODEL_BATCH);
            PromptBatch chunk = prompts.slice(from, to);
            float[] pred = model.apply(chunk);
            for (int p = 0; p < chunk.batch(); p++) {
                double[] row = new double[chunk.points()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = pred[p * chunk.points() + i];
                }
                errors[from + p] = errors(chunk, p, row, task);
            }
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
