package org.iclab.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iclab.baseline.TokenLearner;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Bayes;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Objective;
import org.iclab.spec.score.Score;
import org.iclab.spec.task.TokenTask;
import org.iclab.task.TokenBatch;

/**
 * The token path of the evaluator: the model's and each declared baseline's {@link Score}s on a token task's
 * evaluation sequences, per position (or per scoring unit, {@link TokenTask#unit()}), averaged over the sequences
 * whose mask scores that position, with paired bootstrap intervals on the first score (the error) and the others
 * beside it; NaN at a position no sequence scores. Scores come from the task's objective and know nothing of
 * learners; this class knows nothing of particular scores.
 */
final class TokenEvaluation {
    private final Experiment experiment;
    private final TokenTask task;
    private final List<Score> scores;
    /** The scores read position by position, in the objective's order. */
    private final List<Score> read;

    private final String model;
    private final int modelBatch;

    /** The evaluation of {@code experiment}'s token task; the model is reported as {@code model}, read {@code modelBatch} sequences at a time. */
    TokenEvaluation(Experiment experiment, String model, int modelBatch) {
        this.experiment = experiment;
        this.model = model;
        this.modelBatch = modelBatch;
        this.task = (TokenTask) experiment.task();
        this.scores = ((Objective.CrossEntropy) task.objective()).scores();
        this.read = scores.stream().filter(s -> !(s instanceof Score.Derived)).toList();
    }

    /** The curves on {@code prompts}, labelled {@code label}; {@code logits} maps a batch to [batch·length·vocabulary]. */
    List<ErrorCurve> evaluate(String label, TokenBatch prompts, Function<TokenBatch, float[]> logits) {
        EvalPlan plan = experiment.evaluate();
        int length = prompts.length();
        int vocabulary = prompts.vocabulary();
        BootstrapInterval bootstrap = new BootstrapInterval(plan.prompts(), plan.bootstrap().resamples(),
                plan.bootstrap().confidence(), org.iclab.task.Seeds.derive(experiment.seed(), org.iclab.task.Seeds.Stream.BOOTSTRAP, 0));
        double[][] weights = new double[prompts.batch()][length];
        for (int p = 0; p < prompts.batch(); p++) {
            for (int t = 0; t < length; t++) {
                weights[p][t] = prompts.mask(p, t);
            }
        }
        Map<String, double[][][]> scored = new LinkedHashMap<>();
        double[][][] modelScores = new double[read.size()][prompts.batch()][length];
        for (int from = 0; from < prompts.batch(); from += modelBatch) {
            int to = Math.min(prompts.batch(), from + modelBatch);
            float[] out = logits.apply(prompts.slice(from, to));
            double[] probs = new double[length * vocabulary];
            double[] crossEntropy = new double[length];
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
                    crossEntropy[t] = max + Math.log(sum) - out[at + prompts.target(p, t)];
                }
                score(prompts, p, probs, crossEntropy, modelScores);
            }
        }
        scored.put(model, modelScores);
        for (Baseline baseline : plan.baselines()) {
            scored.put(baseline.learnerName(), scores(prompts, TokenLearner.of(baseline, task)));
        }
        Bayes optimal = new Bayes();
        double[][][] bayes = null;
        if (scores.stream().anyMatch(s -> s instanceof Score.Derived d && d.readsBayes()) && optimal.cannotScore(task) == null) {
            bayes = scored.containsKey(optimal.learnerName()) ? scored.get(optimal.learnerName())
                    : scores(prompts, TokenLearner.of(optimal, task));
        }
        if (!"position".equals(task.unit())) {
            ScoringUnits units = new ScoringUnits(prompts, task, weights, read);
            scored.replaceAll((name, s) -> units.of(s));
            bayes = bayes == null ? null : units.of(bayes);
            weights = units.weights;
        }
        Map<Class<?>, double[]> reference = bayes == null ? Map.of() : means(bayes, weights);
        List<ErrorCurve> curves = new ArrayList<>();
        for (var e : scored.entrySet()) {
            Map<Class<?>, double[]> means = means(e.getValue(), weights);
            Score.Means view = new Score.Means() {
                @Override
                public double[] of(Class<? extends Score> score) {
                    return means.get(score);
                }

                @Override
                public double[] bayes(Class<? extends Score> score) {
                    return reference.get(score);
                }
            };
            Map<String, double[]> beside = new LinkedHashMap<>();
            for (Score s : scores.subList(1, scores.size())) {
                double[] curve = s instanceof Score.Derived d ? d.curve(view) : means.get(s.getClass());
                if (curve != null) {
                    beside.put(column(s), curve);
                }
            }
            curves.add(bootstrap.curve(label, e.getKey(), e.getValue()[0], weights).with(beside));
        }
        return curves;
    }

    /** The column a score is reported under ({@link Score#column}). */
    static String column(Score score) {
        return Score.column(score.getClass());
    }

    /** Each read score's weighted mean, by score type. */
    private Map<Class<?>, double[]> means(double[][][] values, double[][] weights) {
        Map<Class<?>, double[]> means = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i++) {
            means.put(read.get(i).getClass(), weightedMean(values[i], weights));
        }
        return means;
    }

    /** A token learner's scores on every sequence and position (sequences in parallel). */
    private double[][][] scores(TokenBatch prompts, TokenLearner learner) {
        double[][][] values = new double[read.size()][prompts.batch()][prompts.length()];
        IntStream.range(0, prompts.batch()).parallel().forEach(p -> {
            int v = prompts.vocabulary();
            double[] probs = new double[prompts.length() * v];
            learner.predict(prompts, p, probs);
            double[] crossEntropy = new double[prompts.length()];
            for (int t = 0; t < prompts.length(); t++) {
                crossEntropy[t] = -Math.log(Math.max(probs[t * v + prompts.target(p, t)], Double.MIN_NORMAL));
            }
            score(prompts, p, probs, crossEntropy, values);
        });
        return values;
    }

    /**
     * Scores sequence {@code p} from its distributions {@code probs} [length·vocabulary] and the cross-entropy at each
     * target into {@code values[score][p]}. A score that reads the oracle is 0 where the batch has none.
     */
    private void score(TokenBatch batch, int p, double[] probs, double[] crossEntropy, double[][][] values) {
        int v = batch.vocabulary();
        float[] oracle = batch.oracle();
        Position position = new Position(batch, p, probs, crossEntropy, oracle);
        for (int t = 0; t < batch.length(); t++) {
            int at = t * v;
            int best = 0;
            for (int j = 1; j < v; j++) {
                if (probs[at + j] > probs[at + best]) {
                    best = j;
                }
            }
            position.moveTo(t, best);
            for (int i = 0; i < read.size(); i++) {
                Score s = read.get(i);
                values[i][p][t] = s.readsOracle() && oracle == null ? 0 : s.at(position);
            }
        }
    }

    /** One position of one sequence as a learner predicted it; moved along the sequence. */
    private static final class Position implements Score.Position {
        private final TokenBatch batch;
        private final int sequence;
        private final double[] probs;
        private final double[] crossEntropy;
        private final float[] oracle;
        private int t;
        private int best;

        Position(TokenBatch batch, int sequence, double[] probs, double[] crossEntropy, float[] oracle) {
            this.batch = batch;
            this.sequence = sequence;
            this.probs = probs;
            this.crossEntropy = crossEntropy;
            this.oracle = oracle;
        }

        void moveTo(int t, int best) {
            this.t = t;
            this.best = best;
        }

        @Override
        public int target() {
            return batch.target(sequence, t);
        }

        @Override
        public int best() {
            return best;
        }

        @Override
        public double probability(int token) {
            return probs[t * batch.vocabulary() + token];
        }

        @Override
        public double crossEntropy() {
            return crossEntropy[t];
        }

        @Override
        public double oracle(int token) {
            return oracle[(sequence * batch.length() + t) * batch.vocabulary() + token];
        }

        @Override
        public int vocabulary() {
            return batch.vocabulary();
        }
    }

    /** The weighted mean of {@code values} at each position (NaN where no sequence is scored). */
    static double[] weightedMean(double[][] values, double[][] weights) {
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
}
