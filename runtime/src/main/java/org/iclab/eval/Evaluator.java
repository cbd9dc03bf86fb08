package org.iclab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iclab.baseline.Learner;
import org.iclab.spec.Baseline;
import org.iclab.spec.EvalPlan;
import org.iclab.spec.Experiment;
import org.iclab.spec.Task;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.Seeds;

/**
 * Evaluates a model and the declared baselines on the experiment's fixed evaluation prompts (drawn from the
 * evaluation seed stream, all task dimensions active).
 */
public final class Evaluator {
    /** Learner name of the trained model in results. */
    public static final String MODEL = "model";
    /** The in-distribution strategy's name. */
    public static final String STANDARD = "standard";
    private static final int MODEL_BATCH = 64;

    private final Experiment experiment;

    public Evaluator(Experiment experiment) {
        this.experiment = experiment;
    }

    /** The evaluation prompts: the same for every learner and every call. */
    public PromptBatch prompts() {
        EvalPlan plan = experiment.evaluate();
        long seed = Seeds.derive(experiment.seed(), Seeds.Stream.EVAL, 0);
        return PromptSampler.of(experiment).sample(seed, plan.prompts(), plan.points(), experiment.task().dims());
    }

    /**
     * Curves for the model (whose function maps a batch to predictions [batch·points] at every position) and for
     * each baseline, in declaration order, model first.
     */
    public List<ErrorCurve> evaluate(Function<PromptBatch, float[]> model) {
        EvalPlan plan = experiment.evaluate();
        PromptBatch prompts = prompts();
        BootstrapInterval bootstrap = new BootstrapInterval(plan.prompts(), plan.bootstrap().resamples(),
                plan.bootstrap().confidence(), Seeds.derive(experiment.seed(), Seeds.Stream.BOOTSTRAP, 0));
        Task task = experiment.task();
        List<ErrorCurve> curves = new ArrayList<>();
        curves.add(bootstrap.curve(STANDARD, MODEL, modelErrors(prompts, model, task)));
        for (Baseline baseline : plan.baselines()) {
            Learner learner = Learner.of(baseline);
            double[][] errors = IntStream.range(0, prompts.batch()).parallel()
                    .mapToObj(p -> errors(prompts, p, learner.predictPrefixes(prompts, p), task))
                    .toArray(double[][]::new);
            curves.add(bootstrap.curve(STANDARD, baseline.learnerName(), errors));
        }
        return curves;
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

    /** Per-position errors of one prompt's predictions: squared error ÷ the task's scale, or 0/1 for classification. */
    static double[] errors(PromptBatch batch, int prompt, double[] pred, Task task) {
        double[] err = new double[pred.length];
        for (int i = 0; i < pred.length; i++) {
            err[i] = error(pred[i], batch.y(prompt, i), task);
        }
        return err;
    }

    /** One prediction's error against its target under the task's metric. */
    static double error(double pred, double y, Task task) {
        if (task.classification()) {
            return (pred > 0 ? 1 : -1) == Math.signum(y) ? 0 : 1;
        }
        double diff = pred - y;
        return diff * diff / task.errorScale();
    }
}
