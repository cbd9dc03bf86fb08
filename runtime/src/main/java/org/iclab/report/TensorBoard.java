package org.iclab.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.train.TrainingLog;

/**
 * What a run shows in TensorBoard ({@code tensorboard --logdir runs/}), tag by tag:
 * <ul>
 * <li>{@code train/loss}, {@code train/steps_per_second}, {@code train/learning_rate}, {@code curriculum/dims} and
 * {@code curriculum/points} at every logged step;</li>
 * <li>with {@code train.evaluateEvery}, {@code eval/<strategy>/model/k=<k>} and {@code eval/<strategy>/model/mean}
 * at every evaluation, and {@code <measure>/<strategy>/<series>} for each measure taken (the induction score:
 * {@code induction/standard/L1H1});</li>
 * <li>at the end, {@code error/<strategy>/<learner>} over k (k on the step axis), for the model and every baseline,
 * and the figures of {@code plots/} as images {@code plots/<name>}.</li>
 * </ul>
 * The end-of-run values go into their own file, suffixed {@value #FINAL}, which a resumed run replaces whole.
 */
final class TensorBoard {
    /** Suffix of the end-of-run event file. */
    static final String FINAL = ".final";

    private TensorBoard() {
    }

    static boolean isFinal(Path file) {
        return file.getFileName().toString().endsWith(FINAL);
    }

    static List<EventFile.Value> values(TrainingLog log) {
        List<EventFile.Value> values = new ArrayList<>();
        values.add(new EventFile.Scalar("train/loss", (float) log.loss()));
        values.add(new EventFile.Scalar("train/steps_per_second", (float) log.stepsPerSecond()));
        if (log.lr() != null) {
            values.add(new EventFile.Scalar("train/learning_rate", log.lr().floatValue()));
        }
        values.add(new EventFile.Scalar("curriculum/dims", log.dims()));
        values.add(new EventFile.Scalar("curriculum/points", log.points()));
        return values;
    }

    static List<EventFile.Value> values(EvaluationLog log) {
        List<EventFile.Value> values = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : log.error().entrySet()) {
            for (int k = 0; k < e.getValue().size(); k++) {
                Double v = e.getValue().get(k);
                if (v != null) {
                    values.add(new EventFile.Scalar("eval/" + e.getKey() + "/model/k=" + k, v.floatValue()));
                }
            }
            Double mean = log.meanError().get(e.getKey());
            if (mean != null) {
                values.add(new EventFile.Scalar("eval/" + e.getKey() + "/model/mean", mean.floatValue()));
            }
        }
        log.measures().forEach((word, byStrategy) -> byStrategy.forEach((strategy, series) -> series.forEach((name, v) -> {
            if (v != null) {
                values.add(new EventFile.Scalar(word + "/" + strategy + "/" + name, v.floatValue()));
            }
        })));
        return values;
    }

    /** Writes the end-of-run event file: the error curves over k, and the PNG figures of {@code plots} at {@code lastStep}. */
    static void writeSummary(Path root, List<ErrorCurve> curves, Path plots, long lastStep) throws IOException {
        List<Long> steps = new ArrayList<>();
        List<List<? extends EventFile.Value>> values = new ArrayList<>();
        int points = curves.stream().mapToInt(ErrorCurve::points).max().orElse(0);
        for (int k = 0; k < points; k++) {
            List<EventFile.Value> atK = new ArrayList<>();
            for (ErrorCurve c : curves) {
                if (k < c.points() && Double.isFinite(c.error()[k])) {
                    atK.add(new EventFile.Scalar("error/" + c.strategy() + "/" + c.learner(), (float) c.error()[k]));
                }
            }
            if (!atK.isEmpty()) {
                steps.add((long) k);
                values.add(atK);
            }
        }
        List<EventFile.Value> images = new ArrayList<>();
        if (Files.isDirectory(plots)) {
            try (var list = Files.list(plots)) {
                for (Path png : list.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(png);
                    String name = png.getFileName().toString();
                    // PNG's IHDR: width and height as big-endian ints at bytes 16 and 20
                    images.add(new EventFile.Image("plots/" + name.substring(0, name.length() - 4),
                            ByteBuffer.wrap(bytes, 20, 4).getInt(), ByteBuffer.wrap(bytes, 16, 4).getInt(), bytes));
                }
            }
        }
        if (!images.isEmpty()) {
            steps.add(lastStep);
            values.add(images);
        }
        EventFile.write(root, FINAL, steps, values);
    }
}
