package org.iclab.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.train.Checkpoints;

/**
 * Von Oswald et al.'s test of "the trained model is one step of gradient descent": on the run's standard evaluation
 * prompts, at the last query (k = points − 1 context examples), compares the trained model's prediction ŷ with that
 * of one GD step from w = 0 on L(w) = 1/(2k) Σ (w·x_i − y_i)², ŷ_GD = η/k Σ y_i x_i·x_q, with the step size η that
 * minimises GD's own squared error on 4096 further prompts from the training distribution. Prints and writes
 * {@code gd-comparison.json} into the run directory:
 * <ul>
 * <li>the squared errors of the model, GD and the zero predictor,</li>
 * <li>the prediction distance: mean (ŷ − ŷ_GD)², and the same divided by mean ŷ_GD²,</li>
 * <li>the cosine between the sensitivities ∂ŷ/∂x_q (central differences, step 1e-3) and ∂ŷ_GD/∂x_q = η/k Σ y_i x_i,
 * averaged over prompts.</li>
 * </ul>
 *
 * <pre>
 * java org.iclab.samples.GradientDescentComparison RUN_DIR
 * </pre>
 */
public final class GradientDescentComparison {
    private GradientDescentComparison() {
    }

    public static Map<String, Object> compare(Path runDir) {
        Experiment e = Json.readExperiment(runDir.resolve(RunDirectory.SPEC));
        int d = e.task().dims();
        int n = e.evaluate().points();
        int k = n - 1;
        try (CompiledModel model = CompiledModel.compile(e, 2)) {
            new Checkpoints(runDir.resolve(RunDirectory.CHECKPOINT)).restoreLatest(model);
            PromptBatch fit = PromptSampler.of(e).sample(0x5eed, 4096, n, d);
            double gy = 0;
            double gg = 0;
            for (int b = 0; b < fit.batch(); b++) {
                double g = gdDirection(fit, b, k, d) ;
                gy += g * fit.y(b, k);
                gg += g * g;
            }
            double eta = gy / gg;

            PromptBatch prompts = new Evaluator(e).prompts();
            float[] pred = model.predict(prompts);
            double eps = 1e-3;
            float[][] up = new float[d][];
            float[][] down = new float[d][];
            for (int j = 0; j < d; j++) {
                up[j] = model.predict(shiftQuery(prompts, k, j, eps));
                down[j] = model.predict(shiftQuery(prompts, k, j, -eps));
            }
            double modelErr = 0;
            double gdErr = 0;
            double zeroErr = 0;
            double dist = 0;
            double gdSquare = 0;
            double cosine = 0;
            for (int b = 0; b < prompts.batch(); b++) {
                double y = prompts.y(b, k);
                double yModel = pred[b * n + k];
                double yGd = eta * gdDirection(prompts, b, k, d);
                modelErr += (yModel - y) * (yModel - y);
                gdErr += (yGd - y) * (yGd - y);
                zeroErr += y * y;
                dist += (yModel - yGd) * (yModel - yGd);
                gdSquare += yGd * yGd;
                double[] sModel = new double[d];
                double[] sGd = new double[d];
                for (int j = 0; j < d; j++) {
                    sModel[j] = (up[j][b * n + k] - down[j][b * n + k]) / (2 * eps);
                    for (int i = 0; i < k; i++) {
                        sGd[j] += eta / k * prompts.y(b, i) * prompts.xs()[(b * n + i) * d + j];
                    }
                }
                cosine += cos(sModel, sGd);
            }
            int m = prompts.batch();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("prompts", m);
            out.put("k", k);
            out.put("best_eta", eta);
            out.put("model_squared_error", modelErr / m);
            out.put("gd_squared_error", gdErr / m);
            out.put("zero_squared_error", zeroErr / m);
            out.put("prediction_distance", dist / m);
            out.put("prediction_distance_relative", dist / gdSquare);
            out.put("sensitivity_cosine", cosine / m);
            return out;
        }
    }

    /** (1/k) Σ_{i<k} y_i x_i·x_q of prompt b, the query being point k. */
    static double gdDirection(PromptBatch p, int b, int k, int d) {
        int n = p.points();
        double s = 0;
        for (int i = 0; i < k; i++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += p.xs()[(b * n + i) * d + j] * (double) p.xs()[(b * n + k) * d + j];
            }
            s += p.y(b, i) * dot;
        }
        return s / k;
    }

    private static PromptBatch shiftQuery(PromptBatch p, int k, int coordinate, double eps) {
        float[] xs = p.xs().clone();
        int n = p.points();
        int d = p.dims();
        for (int b = 0; b < p.batch(); b++) {
            xs[(b * n + k) * d + coordinate] += (float) eps;
        }
        return new PromptBatch(p.batch(), n, d, xs, p.ys());
    }

    private static double cos(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GradientDescentComparison RUN_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isRegularFile(dir.resolve(RunDirectory.SPEC))) {
            System.err.println(dir + " is not a run directory (it has no " + RunDirectory.SPEC + ")");
            System.exit(2);
        }
        Map<String, Object> result = compare(dir);
        result.forEach((key, value) -> System.out.println(String.format(Locale.ROOT, "%-30s %s", key,
                value instanceof Double v ? String.format(Locale.ROOT, "%.6g", v) : value)));
        Json.writeFile(dir.resolve("gd-comparison.json"), result);
    }
}
