package org.iclab.report;

import org.iclab.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGraphics2D;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.EvaluationLog;
import org.iclab.eval.Evaluator;
import org.iclab.spec.Experiment;
import org.iclab.spec.Task;
import org.iclab.train.TrainingLog;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A run's figures, drawn with XChart into {@code plots/}: for each evaluation strategy the error against the number
 * of in-context examples k, once on a linear axis ({@code error-<strategy>}, the paper's figure) and once on a
 * logarithmic one ({@code error-<strategy>-log}, where the model and least squares can still be told apart once both
 * are near zero); and the training loss ({@code loss}). Each figure is written as PNG (at {@value #PNG_SCALE}x the
 * nominal {@value #WIDTH}x{@value #HEIGHT}, sharp on high-density screens and slides) and as SVG (the same drawing
 * through Batik's SVGGraphics2D; XChart draws its text as outlines, so the SVG also carries a {@code <title>} and a
 * {@code <desc>} naming the learners).
 */
final class Plots {
    static final int WIDTH = 960;
    static final int HEIGHT = 600;
    static final int PNG_SCALE = 2;
    /** The log axis reaches at most this many decades below the highest value; smaller values (and zeros) sit on its floor. */
    static final int LOG_DECADES = 4;
    /** The linear axis stops at this multiple of the model's highest value or of any learner's error at k = 0. */
    static final double LINEAR_HEADROOM = 2;

    /** Padding around the error figures' title, room enough for the caption line under it. */
    private static final int CAPTION_ROOM = 30;
    private static final int PLOT_MARGIN = 4;

    static final String X_TITLE = "in-context examples k";
    static final String TOKEN_X_TITLE = "position t (tokens read: t + 1)";

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String FONT = Font.SANS_SERIF;
    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    private static final Color GRID = new Color(0xE4E4E4);
    /** Dash pattern of the line at k = dims (the SVG's stroke-dasharray "7,5"). */
    static final float[] DIMS_DASH = {7f, 5f};
    private static final Color RAW_LOSS = new Color(0xB8B8B8);
    private static final Color LABEL_BOX = new Color(255, 255, 255, 215);
    /** Fixed colours for the learners iclab knows, so a learner looks the same in every figure; others take PALETTE in turn. */
    static final Map<String, Color> COLOURS = Map.of(
            Evaluator.MODEL, new Color(0x111111),
            "leastSquares", new Color(0x1F77B4),
            "nearestNeighbors", new Color(0x2CA02C),
            "averaging", new Color(0xFF7F0E));
    static final Color[] PALETTE = {new Color(0x9467BD), new Color(0xD62728), new Color(0x8C564B),
            new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F)};

    static {
        // Plots are drawn in batch runs and CI; never reach for a display unless the caller chose to have one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

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
        List<Figure> figures = new ArrayList<>();
        Map<String, List<ErrorCurve>> byStrategy = curves.stream()
                .collect(Collectors.groupingBy(ErrorCurve::strategy, LinkedHashMap::new, Collectors.toList()));
        Set<String> stems = new HashSet<>();
        for (var entry : byStrategy.entrySet()) {
            String stem = unique("error-" + fileName(entry.getKey()), stems);
            figures.add(errorFigure(stem, experiment, entry.getKey(), entry.getValue(), false));
            figures.add(errorFigure(stem + "-log", experiment, entry.getKey(), entry.getValue(), true));
        }
        if (!logs.isEmpty()) {
            figures.add(lossFigure("loss", experiment.name(), logs));
        }
        if (!evaluations.isEmpty()) {
            figures.add(dynamicsFigure("dynamics", experiment, evaluations));
            for (org.iclab.spec.Measure measure : experiment.train().measuresOrDefaults()) {
                String word = org.iclab.eval.Measures.word(measure);
                if (evaluations.stream().anyMatch(e -> e.measures().containsKey(word))) {
                    figures.add(measureFigure(word, measure, experiment, evaluations));
                }
            }
        }
        List<Path> written = new ArrayList<>();
        for (Figure f : figures) {
            Path png = folder.resolve(f.name() + ".png");
            AtomicFiles.write(png, png(f));
            written.add(png);
            Path svg = folder.resolve(f.name() + ".svg");
            AtomicFiles.write(svg, svg(f));
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

    /** A chart, what is drawn over it once XChart has laid it out, and the text for the SVG's {@code <desc>}. */
    record Figure(String name, XYChart chart, BiConsumer<XYChart, Graphics2D> overlay, String description) {
        void draw(Graphics2D g) {
            chart.paint(g, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            overlay.accept(chart, g);
        }
    }

    // ---- error against k --------------------------------------------------------------------------------------

    static Figure errorFigure(String name, Experiment experiment, String strategy, List<ErrorCurve> curves, boolean log) {
        int dims = experiment.task().dims();
        boolean tokens = experiment.prompt().readsTokens();
        String xTitle = !tokens ? X_TITLE
                : experiment.task() instanceof org.iclab.spec.TokenTask t && !"position".equals(t.unit())
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
        s.setxAxisTickLabelsFormattingFunction(Plots::integerOrBlank);
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

    // ---- training loss ----------------------------------------------------------------------------------------

    /**
     * Loss against step. Each logged step is one batch's loss, so with enough of them a centred mean over
     * {@link #smoothingWindow} logged steps is drawn over the raw values. On a log axis when the (smoothed) loss
     * spans more than a decade, as it does in any run that learns.
     */
    static Figure lossFigure(String name, String experiment, List<TrainingLog> logs) {
        double[] step = logs.stream().mapToDouble(TrainingLog::step).toArray();
        double[] loss = logs.stream().mapToDouble(TrainingLog::loss).toArray();
        int window = smoothingWindow(loss.length);
        double[] mean = centredMean(loss, window);
        boolean log = Arrays.stream(loss).allMatch(v -> v > 0)
                && Arrays.stream(mean).max().orElse(1) / Arrays.stream(mean).min().orElse(1) >= 10;
        double yMin = Arrays.stream(loss).min().orElse(0);
        double yMax = Arrays.stream(loss).max().orElse(1);
        if (yMax <= yMin) {
            double pad = yMin == 0 ? 1 : Math.abs(yMin) * 0.1;
            yMin = log ? yMin / 2 : yMin - pad;
            yMax = log ? yMax * 2 : yMax + pad;
        }
        double xMin = step.length == 1 ? step[0] - 1 : 0;
        double xMax = step.length == 1 ? step[0] + 1 : step[step.length - 1];

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(experiment + " · training loss" + (log ? " · log scale" : ""))
                .xAxisTitle("step").yAxisTitle("training loss").build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setChartTitlePadding(CAPTION_ROOM);
        s.setLegendVisible(false);
        s.setXAxisDecimalPattern("#,##0");
        s.setYAxisLogarithmic(log);
        s.setXAxisMin(xMin);
        s.setXAxisMax(xMax);
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax);

        XYSeries raw = chart.addSeries("loss", step, loss);
        raw.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        // When every x value is equally spaced (steps logged every logEvery), XChart puts ticks on every n-th
        // value, which gives labels like 38,500 and 77,000. An invisible point at step 1, where training starts,
        // breaks that spacing, so the axis gets round ticks (0, 100,000, 200,000, ...).
        if (step.length > 1 && step[0] != 1) {
            XYSeries start = chart.addSeries("start", new double[] {1}, new double[] {loss[0]});
            start.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            start.setMarker(SeriesMarkers.NONE);
            start.setShowInLegend(false);
        }
        String caption;
        if (window > 1) {
            raw.setLineColor(RAW_LOSS);
            raw.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            raw.setMarker(SeriesMarkers.NONE);
            XYSeries smooth = chart.addSeries("mean", step, mean);
            smooth.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            smooth.setLineColor(COLOURS.get(Evaluator.MODEL));
            smooth.setLineStyle(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            smooth.setMarker(SeriesMarkers.NONE);
            caption = "grey: loss at each logged step · black: centred mean of " + window + " logged steps";
        } else {
            raw.setLineColor(COLOURS.get(Evaluator.MODEL));
            raw.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            raw.setMarker(SeriesMarkers.CIRCLE);
            raw.setMarkerColor(COLOURS.get(Evaluator.MODEL));
            caption = "loss at each logged step";
        }
        double y0 = yMin;
        double y1 = yMax;
        String description = String.format(Locale.ROOT, "%s: training loss against step, %d logged steps from %d to %d; %s.",
                experiment, logs.size(), logs.get(0).step(), logs.get(logs.size() - 1).step(), caption);
        return new Figure(name, chart, (c, g) -> drawCaption(c, g, caption, xMin, xMax, y0, y1), description);
    }

    // ---- evaluations during training --------------------------------------------------------------------------

    /**
     * The model's error averaged over k against step, one line per strategy, from the evaluations during training
     * ({@code train.evaluateEvery}): abrupt transitions and phase changes show as steps in these lines.
     */
    static Figure dynamicsFigure(String name, Experiment experiment, List<EvaluationLog> evaluations) {
        double[] step = evaluations.stream().mapToDouble(EvaluationLog::step).toArray();
        List<String> strategies = new ArrayList<>(evaluations.get(evaluations.size() - 1).meanError().keySet());
        java.util.Collections.sort(strategies, java.util.Comparator.comparing(st -> st.equals(Evaluator.STANDARD) ? "" : st));
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(experiment.name() + " · error during training")
                .xAxisTitle("step").yAxisTitle(yTitle(experiment.task()) + ", mean over k").build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setXAxisDecimalPattern("#,##0");
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < strategies.size(); i++) {
            String strategy = strategies.get(i);
            double[] y = evaluations.stream().mapToDouble(e -> {
                Double v = e.meanError().get(strategy);
                return v == null ? Double.NaN : v;
            }).toArray();
            for (double v : y) {
                if (Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
            XYSeries series = chart.addSeries(strategy, step, y);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            Color colour = i == 0 ? COLOURS.get(Evaluator.MODEL) : PALETTE[(i - 1) % PALETTE.length];
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        if (Double.isFinite(yMin)) {
            double pad = yMax > yMin ? (yMax - yMin) * 0.05 : Math.max(Math.abs(yMin) * 0.1, 1e-3);
            s.setYAxisMin(Math.max(0, yMin - pad));
            s.setYAxisMax(yMax + pad);
        }
        s.setXAxisMin(step[0]);
        s.setXAxisMax(step.length > 1 ? step[step.length - 1] : step[0] + 1);
        s.setLegendVisible(true);
        String description = String.format(Locale.ROOT, "%s: the model's error averaged over k against training step, %d evaluations "
                + "from step %d to %d, strategies %s.", experiment.name(), evaluations.size(), evaluations.get(0).step(),
                evaluations.get(evaluations.size() - 1).step(), String.join(", ", strategies));
        return new Figure(name, chart, (c, g) -> { }, description);
    }

    /**
     * A measure taken during training against step ({@code plots/<word>.png}): one line per strategy and series
     * ("inContext L2H1": a colour per strategy, a marker per series), from the evaluations that took it.
     */
    static Figure measureFigure(String word, org.iclab.spec.Measure measure, Experiment experiment, List<EvaluationLog> evaluations) {
        double[] step = evaluations.stream().mapToDouble(EvaluationLog::step).toArray();
        record Line(String strategy, String series) {
            String label() {
                return strategy + " " + series;
            }
        }
        Map<Line, double[]> lines = new LinkedHashMap<>();
        List<String> strategies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int e = 0; e < evaluations.size(); e++) {
            for (var byStrategy : evaluations.get(e).measures().getOrDefault(word, Map.of()).entrySet()) {
                if (!strategies.contains(byStrategy.getKey())) {
                    strategies.add(byStrategy.getKey());
                }
                for (var series : byStrategy.getValue().entrySet()) {
                    if (!names.contains(series.getKey())) {
                        names.add(series.getKey());
                    }
                    double[] y = lines.computeIfAbsent(new Line(byStrategy.getKey(), series.getKey()), k -> {
                        double[] fresh = new double[step.length];
                        java.util.Arrays.fill(fresh, Double.NaN);
                        return fresh;
                    });
                    y[e] = series.getValue() == null ? Double.NaN : series.getValue();
                }
            }
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(experiment.name() + " \u00b7 " + measure.title())
                .xAxisTitle("step").yAxisTitle(measure.axisTitle()).build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setXAxisDecimalPattern("#,##0");
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (var line : lines.entrySet()) { // a colour per strategy, a marker per series
            Line key = line.getKey();
            XYSeries series = chart.addSeries(key.label(), step, line.getValue());
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            Color colour = PALETTE[strategies.indexOf(key.strategy()) % PALETTE.length];
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE,
                    SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP}[names.indexOf(key.series()) % 4]);
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double v : line.getValue()) {
                if (Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        double[] range = measure.axisRange();
        if (range != null) {
            s.setYAxisMin(range[0]);
            s.setYAxisMax(range[1]);
        } else if (Double.isFinite(yMin)) {
            double pad = yMax > yMin ? (yMax - yMin) * 0.05 : Math.max(Math.abs(yMin) * 0.1, 1e-3);
            s.setYAxisMin(yMin - pad);
            s.setYAxisMax(yMax + pad);
        }
        s.setXAxisMin(step[0]);
        s.setXAxisMax(step.length > 1 ? step[step.length - 1] : step[0] + 1);
        s.setLegendVisible(true);
        String description = String.format(Locale.ROOT, "%s: %s against training step, %d evaluations, lines %s.", experiment.name(),
                measure.title().replace(" during training", ""), evaluations.size(),
                String.join(", ", lines.keySet().stream().map(Line::label).toList()));
        return new Figure(word, chart, (c, g) -> { }, description);
    }

    /** Logged steps averaged per point of the smoothed loss (odd): none under 20 logged steps, then about 2%. */
    static int smoothingWindow(int logged) {
        return logged < 20 ? 1 : 2 * Math.max(1, logged / 100) + 1;
    }

    /**
     * Mean of each value with the {@code window / 2} on either side (fewer at the ends): centred, so that the
     * smoothed curve does not lag behind the raw one.
     */
    static double[] centredMean(double[] values, int window) {
        int half = window / 2;
        double[] prefix = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            prefix[i + 1] = prefix[i] + values[i];
        }
        double[] mean = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(values.length, i + half + 1);
            mean[i] = (prefix[to] - prefix[from]) / (to - from);
        }
        return mean;
    }

    /**
     * Draws {@code caption} centred over the plot, in the room that the title's padding ({@link #CAPTION_ROOM})
     * leaves above it: inside the plot it would cross some curve sooner or later. The axis ranges must be set.
     */
    static void drawCaption(XYChart c, Graphics2D g, String caption, double xMin, double xMax, double yMin,
                                    double yMax) {
        double left = c.getScreenXFromChart(xMin);
        double right = c.getScreenXFromChart(xMax);
        double top = c.getScreenYFromChart(yMax);
        double bottom = c.getScreenYFromChart(yMin);
        // XChart keeps the data inside the middle plotContentSize of the plot; its border is further out.
        double content = c.getStyler().getPlotContentSize();
        double border = top - (bottom - top) * (1 - content) / (2 * content);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 14));
        float width = g.getFontMetrics().stringWidth(caption);
        g.drawString(caption, (float) ((left + right - width) / 2), (float) (border - PLOT_MARGIN - 8));
    }

    // ---- style and encoders -----------------------------------------------------------------------------------

    static void style(XYStyler s) {
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(INK);
        s.setChartPadding(16);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 20));
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(14);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 16));
        s.setAxisTitlePadding(10);
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(MUTED);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xB0B0B0));
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotMargin(PLOT_MARGIN);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 15));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendSeriesLineLength(32);
        s.setLegendPadding(10);
        s.setMarkerSize(8);
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setAnnotationLineColor(new Color(0x666666));
        s.setAnnotationLineStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                DIMS_DASH, 0f));
    }

    static byte[] png(Figure figure) throws IOException {
        return png(WIDTH, HEIGHT, figure::draw);
    }

    /** A drawing of nominal size {@code width} × {@code height} as PNG, at {@link #PNG_SCALE}x. */
    static byte[] png(int width, int height, java.util.function.Consumer<Graphics2D> drawing) throws IOException {
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            drawing.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String svg(Figure figure) throws IOException {
        return svg(figure.name(), figure.chart().getTitle(), figure.description(), WIDTH, HEIGHT, figure::draw);
    }

    /** A drawing as SVG (Batik's SVGGraphics2D) with a {@code <title>} and a {@code <desc>}. */
    static String svg(String name, String title, String description, int width, int height,
                      java.util.function.Consumer<Graphics2D> drawing) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM implementation available", e);
        }
        SVGGraphics2D g = new SVGGraphics2D(document);
        g.setSVGCanvasSize(new Dimension(width, height));
        drawing.accept(g);
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        Element desc = document.createElementNS(SVG_NS, "desc");
        desc.setTextContent(description);
        root.insertBefore(desc, root.getFirstChild());
        Element titleElement = document.createElementNS(SVG_NS, "title");
        titleElement.setTextContent(title);
        root.insertBefore(titleElement, root.getFirstChild());
        g.dispose();
        // Serialised by the JDK rather than by Batik's stream(), which adds a DOCTYPE pointing at w3.org that
        // XML tools then try to download; presentation attributes (no CSS) read in every SVG consumer.
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out + "\n";
        } catch (TransformerException e) {
            throw new IOException("could not serialise the SVG of " + name, e);
        }
    }
}
