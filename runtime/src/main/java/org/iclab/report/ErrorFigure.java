package org.iclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.Task;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.iclab.report.Charts.*;

/**
 * For each evaluation strategy, the error against the number of in-context examples k, once on a linear axis
 * ({@code error-<strategy>}, the paper's figure) and once on a logarithmic one ({@code error-<strategy>-log}, where the
 * model and least squares can still be told apart once both are near zero), every learner with its band.
 */
final class ErrorFigure {
    private ErrorFigure() {
    }

    // ---- error against k --------------------------------------------------------------------------------------

    static Figure of(String name, Experiment experiment, String strategy, List<ErrorCurve> curves, boolean log) {
        int dims = experiment.task().dims();
        boolean tokens = experiment.prompt().readsTokens();
        String xTitle = !tokens ? X_TITLE
                : experiment.task() instanceof org.iclab.spec.task.TokenTask t && !"position".equals(t.unit())
                ? t.unit() + " k (" + t.unit() + "s read: k + 1)" : TOKEN_X_TITLE;
        double confidence = experiment.evaluate().bootstrap().confidence();
        List<ErrorCurve> ordered = new ArrayList<>(curves);
        ordered.sort((a, b) -> Boolean.compare(!isModel(a), !isModel(b))); // stable: model first, then as declared
        int points = ordered.stream().mapToInt(ErrorCurve::points).max().orElse(1);

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(experiment.name() + " · " + strategy + (log ? " · log scale" : ""))
                .xAxisTitle(xTitle).yAxisTitle(yTitle(experiment.task())).build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setChartTitlePadding(CAPTION_ROOM);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) Math.max(1, points - 1));
        s.setxAxisTickLabelsFormattingFunction(ErrorFigure::integerOrBlank);
        s.setMarkerSize(points > 25 ? 6 : 8);

        Range range = log ? logRange(ordered) : linearRange(ordered);
        s.setYAxisLogarithmic(log);
        s.setYAxisMin(range.min());
        s.setYAxisMax(range.max());

        Map<String, Color> colours = colours(ordered);
        // Bands first so that every line lies on top of every band.
        for (ErrorCurve c : ordered) {
            band(chart, c, colours.get(c.learner()), range);
        }
        for (ErrorCurve c : ordered) {
            line(chart, c.learner(), c, colours.get(c.learner()), range, true);
        }
        // XChart draws series in insertion order, which is also the legend's order: the model is listed first and
        // drawn once more, last, so that it stays on top where it tracks a baseline.
        if (ordered.size() > 1 && isModel(ordered.get(0))) {
            line(chart, ordered.get(0).learner() + " ", ordered.get(0), colours.get(ordered.get(0).learner()), range, false);
        }
        boolean dimsInRange = !tokens && dims <= points - 1; // a token task has no input dimension to mark
        if (dimsInRange) {
            chart.addAnnotation(new AnnotationLine(dims, true, false));
        }

        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "shaded: %s%% bootstrap interval", percent(confidence)));
        if (range.clampedBelow()) {
            notes.add("values below " + decade(range.min()) + " drawn at " + decade(range.min()));
        }
        if (range.clippedAbove()) {
            notes.add(String.format(Locale.ROOT, "axis cut at %.3g (see %s-log)", range.max(), name));
        }
        String dimsLabel = "k = dims = " + dims;
        String caption = String.join(" · ", notes);
        BiConsumer<XYChart, Graphics2D> overlay = (c, g) -> {
            double right = c.getScreenXFromChart(Math.max(1, points - 1));
            double top = c.getScreenYFromChart(range.max());
            if (dimsInRange) {
                g.setFont(new Font(FONT, Font.PLAIN, 14));
                var metrics = g.getFontMetrics();
                double lineX = c.getScreenXFromChart(dims);
                int labelWidth = metrics.stringWidth(dimsLabel);
                // Right of the line, unless that runs past the last k (dims = the last k): then left of it.
                float x = (float) (lineX + 6 + labelWidth <= right ? lineX + 6 : lineX - 6 - labelWidth);
                float y = (float) (top + 20);
                // On a light box: near the top of the plot the label often sits on a baseline's curve.
                g.setColor(LABEL_BOX);
                g.fill(new Rectangle2D.Double(x - 3, y - metrics.getAscent(), labelWidth + 6,
                        metrics.getAscent() + metrics.getDescent()));
                g.setColor(MUTED);
                g.drawString(dimsLabel, x, y);
            }
            drawCaption(c, g, caption, 0, Math.max(1, points - 1), range.min(), range.max());
        };
        String description = String.format(Locale.ROOT,
                "%s, %s prompts: mean %s against %s for the learners %s; %s; dashed line: %s.",
                experiment.name(), strategy, yTitle(experiment.task()), xTitle,
                ordered.stream().map(ErrorCurve::learner).collect(Collectors.joining(", ")),
                String.join("; ", notes),
                dimsInRange ? dimsLabel : tokens ? "none (a token task)" : "none (dims = " + dims + " is beyond the last k, " + (points - 1) + ")");
        return new Figure(name, chart, overlay, description);
    }

    /**
     * What the error figures' y axis shows: the classification error for classification tasks, else the squared
     * error divided by the task's error scale, named where it is d (most tasks), the sparsity or 1.
     */
    static String yTitle(Task task) {
        return task.objective().axisTitle();
    }

    private static boolean isModel(ErrorCurve c) {
        return c.learner().equals(Evaluator.MODEL);
    }

    private static Map<String, Color> colours(List<ErrorCurve> curves) {
        Map<String, Color> colours = new LinkedHashMap<>();
        int next = 0;
        for (ErrorCurve c : curves) {
            Color known = COLOURS.get(c.learner());
            colours.put(c.learner(), known != null ? known : PALETTE[next++ % PALETTE.length]);
        }
        return colours;
    }

    private static void line(XYChart chart, String name, ErrorCurve c, Color colour, Range range, boolean inLegend) {
        double[] k = ks(c.points());
        XYSeries series = chart.addSeries(name, k, range.fit(c.error()));
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setLineColor(colour);
        series.setShowInLegend(inLegend);
        if (isModel(c)) {
            series.setLineStyle(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colour);
        } else {
            series.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            series.setMarker(SeriesMarkers.NONE);
        }
    }

    /** The interval as a closed polygon: upper bound left to right, then lower bound right to left. */
    private static void band(XYChart chart, ErrorCurve c, Color colour, Range range) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 0; k < c.points(); k++) {
            if (Double.isFinite(c.ciLow()[k]) && Double.isFinite(c.ciHigh()[k])) {
                ks.add(k);
            }
        }
        if (ks.size() < 2) {
            return;
        }
        int n = ks.size();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int k = ks.get(i);
            int j = 2 * n - 1 - i;
            x[i] = k;
            y[i] = range.fit(c.ciHigh()[k]);
            x[j] = k;
            y[j] = range.fit(c.ciLow()[k]);
        }
        XYSeries series = chart.addSeries(c.learner() + " interval", x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), isModel(c) ? 46 : 38));
        series.setLineColor(new Color(0, 0, 0, 0));
        series.setLineStyle(new BasicStroke(0f));
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    /** The y-axis range and how values outside it are drawn. */
    record Range(double min, double max, boolean log, boolean clampedBelow, boolean clippedAbove) {
        /** Values for the chart: on a log axis, values below the floor (zeros included) move up onto it. */
        double fit(double v) {
            return log && v < min ? min : v;
        }

        double[] fit(double[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = fit(values[i]);
            }
            return out;
        }
    }

    /**
     * From 0 to just above the highest value, but no higher than {@link #LINEAR_HEADROOM} times the larger of the
     * model's highest value and the learners' errors at k = 0: a baseline's spike (least squares near k = dims on
     * noisy data) must not flatten every other curve. Anything cut off is in the log figure.
     */
    static Range linearRange(List<ErrorCurve> curves) {
        double high = 0;
        double reference = 0;
        for (ErrorCurve c : curves) {
            for (int k = 0; k < c.points(); k++) {
                high = maxFinite(high, c.error()[k], c.ciHigh()[k]);
                if (isModel(c)) {
                    reference = maxFinite(reference, c.error()[k], c.ciHigh()[k]);
                }
            }
            if (c.points() > 0) {
                reference = maxFinite(reference, c.error()[0]);
            }
        }
        if (high <= 0) {
            return new Range(0, 1, false, false, false);
        }
        double cap = reference > 0 ? LINEAR_HEADROOM * reference : high;
        boolean clipped = high > cap * 1.0001;
        double top = clipped ? cap : high * 1.05;
        return new Range(0, top, false, false, clipped);
    }

    /**
     * A decade floor at or below the smallest positive value, but at most {@link #LOG_DECADES} decades under the
     * highest one; values under it (least squares is exactly 0 once k >= dims on noiseless tasks) are drawn on it.
     */
    static Range logRange(List<ErrorCurve> curves) {
        double high = 0;
        double low = Double.POSITIVE_INFINITY;
        boolean nonPositive = false;
        for (ErrorCurve c : curves) {
            for (double[] values : List.of(c.error(), c.ciLow(), c.ciHigh())) {
                for (double v : values) {
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    if (v > 0) {
                        high = Math.max(high, v);
                        low = Math.min(low, v);
                    } else {
                        nonPositive = true;
                    }
                }
            }
        }
        if (high == 0) {
            return new Range(1e-3, 1, true, nonPositive, false);
        }
        double deepest = decadeAtOrBelow(high * Math.pow(10, -LOG_DECADES));
        double floor;
        if (!nonPositive && low >= deepest) {
            floor = decadeAtOrBelow(low);
        } else {
            // Some values go onto the floor: keep it a decade under the smallest value drawn as it is, so that a
            // clamped zero is never mistaken for a small error.
            double lowestKept = Double.POSITIVE_INFINITY;
            for (ErrorCurve c : curves) {
                for (double[] values : List.of(c.error(), c.ciLow(), c.ciHigh())) {
                    for (double v : values) {
                        if (Double.isFinite(v) && v >= deepest) {
                            lowestKept = Math.min(lowestKept, v);
                        }
                    }
                }
            }
            floor = Math.max(deepest, decadeAtOrBelow(lowestKept / 10));
        }
        boolean clamped = nonPositive || low < floor;
        return new Range(floor, high * 1.25, true, clamped, false);
    }

    private static double decadeAtOrBelow(double v) {
        return Math.pow(10, Math.floor(Math.log10(v) + 1e-12));
    }

    private static double maxFinite(double current, double... values) {
        for (double v : values) {
            if (Double.isFinite(v) && v > current) {
                current = v;
            }
        }
        return current;
    }

    private static double[] ks(int points) {
        double[] k = new double[points];
        for (int i = 0; i < points; i++) {
            k[i] = i;
        }
        return k;
    }

    /** Tick labels for k: whole numbers only (XChart may put ticks at halves on short axes). */
    private static String integerOrBlank(Double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
    }

    /** A power of ten as XChart labels its log axis: 1, 0.1, 0.01, 0.001, then 1E-4, 1E-5, ... */
    static String decade(double v) {
        if (v >= 1e-3) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.0E", v).replaceAll("E-0*", "E-");
    }

    private static String percent(double confidence) {
        double p = confidence * 100;
        return Math.abs(p - Math.rint(p)) < 1e-9 ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p);
    }
}
