package org.iclab.report;

import org.iclab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.spec.Experiment;
import org.iclab.train.TrainingLog;

/**
 * A run's figures in {@code plots/}: the error against k per strategy ({@link ErrorFigure}), the training loss
 * ({@link LossFigure}), and with evaluations during training the dynamics ({@link DynamicsFigure}) and one figure per
 * measure taken ({@link MeasureFigure}), each written as PNG and SVG with the shared toolkit ({@link Charts}).
 */
final class Plots {
    private Plots() {
    }

    /**
     * Writes every figure into {@code folder} (created if absent), each file atomically; returns the files in the
     * order written. The loss figure is left out when {@code logs} is empty.
     */
    static List<Path> write(Path folder, Experiment experiment, List<TrainingLog> logs, List<ErrorCurve> curves)
            throws IOException {
        return write(folder, experiment, logs, curves, List.of());
    }

    /** As {@link #write(Path, Experiment, List, List)}, with {@code dynamics.png} where there were evaluations during training. */
    static List<Path> write(Path folder, Experiment experiment, List<TrainingLog> logs, List<ErrorCurve> curves,
                            List<EvaluationLog> evaluations) throws IOException {
        List<Charts.Figure> figures = new ArrayList<>();
        Map<String, List<ErrorCurve>> byStrategy = curves.stream()
                .collect(Collectors.groupingBy(ErrorCurve::strategy, LinkedHashMap::new, Collectors.toList()));
        Set<String> stems = new HashSet<>();
        for (var entry : byStrategy.entrySet()) {
            String stem = unique("error-" + fileName(entry.getKey()), stems);
            figures.add(ErrorFigure.of(stem, experiment, entry.getKey(), entry.getValue(), false));
            figures.add(ErrorFigure.of(stem + "-log", experiment, entry.getKey(), entry.getValue(), true));
        }
        if (!logs.isEmpty()) {
            figures.add(LossFigure.of("loss", experiment.name(), logs));
        }
        if (!evaluations.isEmpty()) {
            figures.add(DynamicsFigure.of("dynamics", experiment, evaluations));
            for (org.iclab.spec.measure.Measure measure : experiment.train().measuresOrDefaults()) {
                String word = org.iclab.eval.Measures.word(measure);
                if (evaluations.stream().anyMatch(e -> e.measures().containsKey(word))) {
                    figures.add(MeasureFigure.of(word, measure, experiment, evaluations));
                }
            }
        }
        List<Path> written = new ArrayList<>();
        for (Charts.Figure f : figures) {
            Path png = folder.resolve(f.name() + ".png");
            AtomicFiles.write(png, Charts.png(f));
            written.add(png);
            Path svg = folder.resolve(f.name() + ".svg");
            AtomicFiles.write(svg, Charts.svg(f));
            written.add(svg);
        }
        return written;
    }

    /** A strategy name as a file name: {@code scaledX(2)} becomes {@code scaledX-2}. */
    static String fileName(String strategy) {
        String s = strategy.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "strategy" : s;
    }

    private static String unique(String stem, Set<String> taken) {
        String name = stem;
        for (int n = 2; !taken.add(name); n++) {
            name = stem + "-" + n;
        }
        return name;
    }

}
