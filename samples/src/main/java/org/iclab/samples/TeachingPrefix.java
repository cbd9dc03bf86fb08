package org.iclab.samples;

import java.nio.file.Path;
import java.util.Locale;
import org.iclab.engine.SavedModelPredictor;
import org.iclab.eval.Evaluator;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.task.PromptBatch;

/**
 * Accuracy counted from the end of each prompt's teaching sequence rather than from its start. A teachConjunction
 * prompt opens with m + 1 teaching examples for its m literals, and m differs from prompt to prompt, so the
 * per-k curve of eval.csv mixes prompts still inside their prefix with prompts past it. Here, on the run's standard
 * evaluation prompts of a teachConjunction run, offset j is example m + 1 + j of every prompt (j = 0: the first
 * after the prefix); m is read from the prompt's first example, whose +1 coordinates are the literals. Accuracy comes
 * with a 90% Wilson interval. A plain conjunction run has no prefix: compare with its eval.csv at the same k.
 *
 * <pre>
 * java org.iclab.samples.TeachingPrefix RUN_DIR [OFFSETS]
 * </pre>
 */
public final class TeachingPrefix {
    private TeachingPrefix() {
    }

    /** Correct predictions and counts at offsets 0..offsets−1 after each prompt's teaching prefix. */
    static long[][] count(PromptBatch prompts, float[] predictions, int offsets) {
        long[][] counts = new long[2][offsets];
        for (int p = 0; p < prompts.batch(); p++) {
            int literals = 0;
            for (int c = 0; c < prompts.dims(); c++) {
                literals += prompts.x(p, 0, c) > 0 ? 1 : 0;
            }
            for (int j = 0; j < offsets; j++) {
                int k = literals + 1 + j;
                if (k >= prompts.points()) {
                    break;
                }
                float label = predictions[p * prompts.points() + k] >= 0 ? 1f : -1f;
                counts[0][j] += label == prompts.y(p, k) ? 1 : 0;
                counts[1][j]++;
            }
        }
        return counts;
    }

    /** The 90% Wilson interval of {@code correct} out of {@code n}. */
    static double[] wilson(long correct, long n) {
        double z = 1.6448536269514722;
        double p = correct / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {centre - half, centre + half};
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: TeachingPrefix RUN_DIR [OFFSETS]");
            System.exit(2);
        }
        Path run = Path.of(args[0]);
        int offsets = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Experiment e = Json.readExperiment(run.resolve(RunDirectory.SPEC));
        PromptBatch prompts = new Evaluator(e).prompts();
        float[] predictions = new float[prompts.batch() * prompts.points()];
        try (SavedModelPredictor model = SavedModelPredictor.load(run.resolve(RunDirectory.MODEL))) {
            for (int from = 0; from < prompts.batch(); from += 256) {
                int to = Math.min(prompts.batch(), from + 256);
                float[] part = model.predict(prompts.slice(from, to));
                System.arraycopy(part, 0, predictions, from * prompts.points(), part.length);
            }
        }
        long[][] counts = count(prompts, predictions, offsets);
        System.out.println("offset after the prefix   accuracy   90% interval        prompts");
        for (int j = 0; j < offsets; j++) {
            double[] ci = wilson(counts[0][j], counts[1][j]);
            System.out.printf(Locale.ROOT, "%22d   %8.4f   [%.4f, %.4f]   %7d%n", j, counts[0][j] / (double) counts[1][j], ci[0], ci[1], counts[1][j]);
        }
    }
}
