package org.iclab.report;

import org.iclab.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.iclab.probe.ProbeResults;
import org.iclab.probe.ProbeRow;
import org.iclab.spec.Experiment;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The probes' figures, in {@link Plots}' house look: the linear probes' R² against layer (one line per target, the
 * controls dashed), the read-outs' error against k (one line per layer, the model in black), a layer × iteration
 * heatmap per alignment probe, and the attention maps of each probed prompt (a grid of layers × heads, PNG only:
 * a standard model's grid holds tens of thousands of cells).
 */
final class ProbePlots {
    static final String LINEAR = "probes-linear";
    static final String READOUT = "probes-readout";
    static final String ALIGNMENT = "probes-alignment-";
    static final String ATTENTION = "attention";

    private static final Color CONTROL = new Color(0x9A9A9A);
    private static final int HEATMAP_WIDTH = 960;
    private static final int HEATMAP_HEIGHT = 600;
    private static final int CELL = 150;

    private ProbePlots() {
    }

    /** Writes every probe figure under {@code folder}; returns the files in the order written. */
    static List<Path> write(Path folder, Experiment experiment, ProbeResults results) throws IOException {
        List<Path> written = new ArrayList<>();
        if (!results.layers().isEmpty()) {
            written.addAll(write(folder, linearFigure(experiment, results)));
        }
        if (!results.rows(ProbeRow.READOUT).isEmpty()) {
            written.addAll(write(folder, readoutFigure(experiment, results, false)));
            written.addAll(write(folder, readoutFigure(experiment, results, true)));
        }
        for (ProbeResults.Alignment a : results.alignments()) {
            String name = ALIGNMENT + a.algorithm();
            String title = experiment.name() + " · alignment with " + a.algorithm();
            String description = String.format(Locale.ROOT, "%s: similarity of errors (cosine over held-out prompts, mean over"
                    + " k = 1..%d) between each layer's read-out and each iterate of %s; outlined: each layer's best match.",
                    experiment.name(), results.points() - 1, a.algorithm());
            Consumer<Graphics2D> drawing = g -> heatmap(g, title, a);
            Path png = folder.resolve(name + ".png");
            AtomicFiles.write(png, Charts.png(HEATMAP_WIDTH, HEATMAP_HEIGHT, drawing));
            written.add(png);
            Path svg = folder.resolve(name + ".svg");
            AtomicFiles.write(svg, Charts.svg(name, title, description, HEATMAP_WIDTH, HEATMAP_HEIGHT, drawing));
            written.add(svg);
        }
        ProbeResults.AttentionMaps maps = results.attention();
        if (maps != null) {
            int layers = maps.weights().size();
            int width = Math.max(640, 70 + maps.heads() * (CELL + 14));
            int height = 70 + layers * (CELL + 24);
            for (int p = 0; p < maps.prompts(); p++) {
                int prompt = p;
                Path png = folder.resolve(ATTENTION).resolve("prompt-" + p + ".png");
                boolean stacked = experiment.prompt() instanceof org.iclab.spec.prompt.Stacked;
                AtomicFiles.write(png, Charts.png(width, height, g -> attention(g, experiment.name(), stacked, maps, prompt, width)));
                written.add(png);
            }
        }
        return written;
    }

    private static List<Path> write(Path folder, Charts.Figure f) throws IOException {
        Path png = folder.resolve(f.name() + ".png");
        AtomicFiles.write(png, Charts.png(f));
        Path svg = folder.resolve(f.name() + ".svg");
        AtomicFiles.write(svg, Charts.svg(f));
        return List.of(png, svg);
    }

    // ---- linear probes: R² against layer -------------------------------------------------------------------------

    static Charts.Figure linearFigure(Experiment experiment, ProbeResults results) {
        Map<String, List<ProbeResults.LayerScore>> byTarget = new LinkedHashMap<>();
        for (ProbeResults.LayerScore s : results.layers()) {
            byTarget.computeIfAbsent(s.probe() + "\t" + s.target(), x -> new ArrayList<>()).add(s);
        }
        int deepest = results.hiddenCount() - 1;
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(experiment.name() + (results.pooling().isEmpty() ? " · linear probes" : " · probes")).xAxisTitle("layer (0 = embedded input)")
                .yAxisTitle("R² on held-out prompts").build();
        XYStyler s = chart.getStyler();
        Charts.style(s);
        s.setChartTitlePadding(30);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) Math.max(1, deepest));
        s.setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "");
        double low = 0;
        for (ProbeResults.LayerScore l : results.layers()) {
            if (Double.isFinite(l.ciLow())) {
                low = Math.min(low, l.ciLow());
            }
        }
        double yMin = Math.max(-1, Math.floor(low * 10) / 10);
        s.setYAxisMin(yMin);
        s.setYAxisMax(1.05);
        int next = 0;
        List<String> keys = new ArrayList<>(byTarget.keySet());
        Map<String, Color> colours = new LinkedHashMap<>();
        for (String key : keys) {
            if (!key.startsWith(ProbeRow.CONTROL + "\t")) {
                String probe = key.substring(0, key.indexOf('\t'));
                String target = key.substring(key.indexOf('\t') + 1);
                colours.put(probe.equals(ProbeRow.LINEAR) ? target : probe + ": " + target, Charts.PALETTE[next++ % Charts.PALETTE.length]);
            }
        }
        for (String key : keys) {
            List<ProbeResults.LayerScore> scores = byTarget.get(key);
            boolean control = key.startsWith(ProbeRow.CONTROL + "\t");
            String probe = key.substring(0, key.indexOf('\t'));
            String target = control || probe.equals(ProbeRow.LINEAR) ? key.substring(key.indexOf('\t') + 1)
                    : probe + ": " + key.substring(key.indexOf('\t') + 1);
            Color colour = control ? CONTROL : colours.get(target);
            double[] x = scores.stream().mapToDouble(ProbeResults.LayerScore::layer).toArray();
            double[] y = scores.stream().mapToDouble(v -> clamp(v.score(), yMin)).toArray();
            if (!control && x.length > 1) {
                double[] bx = new double[2 * x.length];
                double[] by = new double[2 * x.length];
                for (int i = 0; i < x.length; i++) {
                    bx[i] = x[i];
                    by[i] = clamp(scores.get(i).ciHigh(), yMin);
                    bx[bx.length - 1 - i] = x[i];
                    by[by.length - 1 - i] = clamp(scores.get(i).ciLow(), yMin);
                }
                XYSeries band = chart.addSeries(target + " interval", bx, by);
                band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
                band.setLineColor(new Color(0, 0, 0, 0));
                band.setLineStyle(new BasicStroke(0f));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(control ? "control " + target : target, x, y);
            line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            line.setLineColor(colour);
            line.setMarker(control ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            line.setMarkerColor(colour);
            line.setLineStyle(control ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, Charts.DIMS_DASH, 0f)
                    : new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        List<List<Integer>> kSets = results.layers().stream().map(ProbeResults.LayerScore::ks).distinct().toList();
        String over = kSets.size() == 1 ? "k = " + range(kSets.get(0)) : "each probe's k (probes.json)";
        String caption = String.format(Locale.ROOT, "mean R² over %s · shaded: %s%% bootstrap interval%s", over,
                Math.round(experiment.evaluate().bootstrap().confidence() * 100),
                byTarget.keySet().stream().anyMatch(k -> k.startsWith(ProbeRow.CONTROL)) ? " · dashed: controls" : "");
        double top = 1.05;
        String description = String.format(Locale.ROOT, "%s: R² of probes from each layer's hidden state to %s (ridge at one token; pooled and mlp: trained over the"
                + " tokens seen); %s.",
                experiment.name(), String.join(", ", colours.keySet()), caption);
        return new Charts.Figure(LINEAR, chart, (c, g) -> Charts.drawCaption(c, g, caption, 0, Math.max(1, deepest), yMin, top), description);
    }

    private static String range(List<Integer> ks) {
        if (ks.isEmpty()) {
            return "-";
        }
        boolean contiguous = ks.get(ks.size() - 1) - ks.get(0) == ks.size() - 1;
        return contiguous && ks.size() > 2 ? ks.get(0) + ".." + ks.get(ks.size() - 1) : ks.toString();
    }

    private static double clamp(double v, double floor) {
        return Double.isFinite(v) ? Math.max(v, floor) : floor;
    }

    // ---- read-outs: error against k --------------------------------------------------------------------------------

    static Charts.Figure readoutFigure(Experiment experiment, ProbeResults results, boolean log) {
        TreeMap<Integer, List<ProbeRow>> byLayer = new TreeMap<>();
        for (ProbeRow r : results.rows(ProbeRow.READOUT)) {
            byLayer.computeIfAbsent(r.layer(), x -> new ArrayList<>()).add(r);
        }
        List<ProbeRow> model = results.rows(ProbeRow.MODEL);
        int points = results.points();
        String name = READOUT + (log ? "-log" : "");
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(experiment.name() + " · read-out per layer" + (log ? " · log scale" : ""))
                .xAxisTitle(Charts.X_TITLE).yAxisTitle(ErrorFigure.yTitle(experiment.task())).build();
        XYStyler s = chart.getStyler();
        Charts.style(s);
        s.setChartTitlePadding(30);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisMin(0.0);
        s.setXAxisMax((double) Math.max(1, points - 1));
        s.setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "");
        double high = 0;
        double lowPositive = Double.POSITIVE_INFINITY;
        for (ProbeRow r : results.rows()) {
            if ((r.probe().equals(ProbeRow.READOUT) || r.probe().equals(ProbeRow.MODEL)) && Double.isFinite(r.score())) {
                high = Math.max(high, r.score());
                if (r.score() > 0) {
                    lowPositive = Math.min(lowPositive, r.score());
                }
            }
        }
        double floor = log ? Math.max(Math.pow(10, Math.floor(Math.log10(Math.max(high, 1e-12))) - 4),
                Math.pow(10, Math.floor(Math.log10(Math.min(lowPositive, Math.max(high, 1e-12)))))) : 0;
        double top = high > 0 ? high * (log ? 1.5 : 1.05) : 1;
        s.setYAxisLogarithmic(log);
        s.setYAxisMin(floor);
        s.setYAxisMax(top);
        int count = byLayer.size();
        int i = 0;
        for (var entry : byLayer.entrySet()) {
            // Shallow layers light, deep layers dark: the order of depth reads off the colour.
            float t = count == 1 ? 1 : (float) i / (count - 1);
            Color colour = new Color(lerp(0xA6, 0x08, t), lerp(0xCE, 0x30, t), lerp(0xE3, 0x6B, t));
            addLine(chart, "layer " + entry.getKey(), entry.getValue(), colour, 2.2f, floor, log);
            i++;
        }
        if (!model.isEmpty()) {
            addLine(chart, "model", model, Charts.COLOURS.get("model"), 3.5f, floor, log);
        }
        String caption = "fresh least-squares read-out of y from each layer's LayerNorm'd state; black: the model's own";
        double bottom = floor;
        String description = String.format(Locale.ROOT, "%s: error of a read-out refitted on each layer (%s) against k, and the"
                + " model's own error, on %d held-out prompts.", experiment.name(),
                byLayer.keySet().stream().map(l -> "layer " + l).reduce((a, b) -> a + ", " + b).orElse("none"),
                results.plan().heldOut());
        return new Charts.Figure(name, chart, (c, g) -> Charts.drawCaption(c, g, caption, 0, Math.max(1, points - 1), bottom, top),
                description);
    }

    private static int lerp(int from, int to, float t) {
        return Math.round(from + (to - from) * t);
    }

    private static void addLine(XYChart chart, String name, List<ProbeRow> rows, Color colour, float width, double floor, boolean log) {
        double[] x = rows.stream().mapToDouble(ProbeRow::k).toArray();
        double[] y = rows.stream().mapToDouble(r -> log ? Math.max(r.score(), floor) : r.score()).toArray();
        XYSeries line = chart.addSeries(name, x, y);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setLineColor(colour);
        line.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setMarker(SeriesMarkers.NONE);
    }

    // ---- alignment heatmap -----------------------------------------------------------------------------------------

    /** Rows: layers (deepest at the top), columns: iterates; darker = more similar; the best of each row outlined. */
    static void heatmap(Graphics2D g, String title, ProbeResults.Alignment a) {
        smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, HEATMAP_WIDTH, HEATMAP_HEIGHT);
        int rows = a.layers().size();
        int cols = a.iterates().size();
        double left = 110;
        double top = 70;
        double right = HEATMAP_WIDTH - 130;
        double bottom = HEATMAP_HEIGHT - 80;
        double cw = (right - left) / cols;
        double ch = (bottom - top) / rows;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : a.similarity()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max > min)) {
            min = max - 1;
        }
        g.setFont(new Font(Charts.FONT, Font.BOLD, 20));
        g.setColor(Charts.INK);
        g.drawString(title, (float) left, 36f);
        for (int l = 0; l < rows; l++) {
            double y = bottom - (l + 1) * ch;
            for (int j = 0; j < cols; j++) {
                double v = a.similarity()[l][j];
                g.setColor(Double.isFinite(v) ? shade((v - min) / (max - min)) : new Color(0xEEEEEE));
                g.fill(new Rectangle2D.Double(left + j * cw, y, cw + 0.5, ch + 0.5));
            }
            g.setColor(new Color(0xD62728));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(new Rectangle2D.Double(left + a.best()[l] * cw + 1.5, y + 1.5, cw - 3, ch - 3));
        }
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 13));
        FontMetrics m = g.getFontMetrics();
        g.setColor(Charts.INK);
        int every = Math.max(1, (int) Math.ceil(cols / ((right - left) / 34)));
        for (int j = 0; j < cols; j += every) {
            String label = String.valueOf(a.iterates().get(j));
            g.drawString(label, (float) (left + (j + 0.5) * cw - m.stringWidth(label) / 2.0), (float) (bottom + 18));
        }
        int rowEvery = Math.max(1, (int) Math.ceil(rows / ((bottom - top) / 18)));
        for (int l = 0; l < rows; l += rowEvery) {
            String label = String.valueOf(a.layers().get(l));
            g.drawString(label, (float) (left - 10 - m.stringWidth(label)), (float) (bottom - (l + 0.5) * ch + m.getAscent() / 2.0 - 2));
        }
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 16));
        m = g.getFontMetrics();
        String xTitle = a.algorithm() + " iteration";
        g.drawString(xTitle, (float) ((left + right - m.stringWidth(xTitle)) / 2), (float) (bottom + 48));
        var old = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yTitle = "layer";
        g.drawString(yTitle, (float) -((top + bottom + m.stringWidth(yTitle)) / 2), 60f);
        g.setTransform(old);
        // colour bar
        double barLeft = right + 30;
        for (int i = 0; i < 100; i++) {
            g.setColor(shade(i / 99.0));
            g.fill(new Rectangle2D.Double(barLeft, bottom - (i + 1) * (bottom - top) / 100, 18, (bottom - top) / 100 + 0.5));
        }
        g.setColor(Charts.INK);
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "%.2f", max), (float) (barLeft + 24), (float) (top + 10));
        g.drawString(String.format(Locale.ROOT, "%.2f", min), (float) (barLeft + 24), (float) bottom);
        g.setColor(Charts.MUTED);
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 14));
        g.drawString("similarity of errors (mean over k) · outlined: best iteration per layer", (float) left, (float) (top - 12));
    }

    /** White (0) to dark blue (1). */
    private static Color shade(double t) {
        double v = Math.max(0, Math.min(1, t));
        return new Color(lerp(0xF7, 0x08, (float) v), lerp(0xFB, 0x30, (float) v), lerp(0xFF, 0x6B, (float) v));
    }

    // ---- attention maps --------------------------------------------------------------------------------------------

    /**
     * One panel per layer and head. Softmax weights are drawn as they are; weights outside [0, 1] (linear attention's
     * unnormalised scores) are drawn as |weight| divided by the panel's largest, and the caption says so.
     */
    static void attention(Graphics2D g, String experiment, boolean stacked, ProbeResults.AttentionMaps maps, int prompt, int width) {
        smooth(g);
        int layers = maps.weights().size();
        int heads = maps.heads();
        int tokens = maps.tokens();
        boolean distributions = true;
        for (int l = 0; l < layers && distributions; l++) {
            for (int h = 0; h < heads && distributions; h++) {
                for (int q = 0; q < tokens && distributions; q++) {
                    for (int k = 0; k < tokens; k++) {
                        float w = maps.at(l, prompt, h, q, k);
                        if (w < -1e-6 || w > 1 + 1e-6) {
                            distributions = false;
                            break;
                        }
                    }
                }
            }
        }
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, 70 + layers * (CELL + 24));
        g.setColor(Charts.INK);
        g.setFont(new Font(Charts.FONT, Font.BOLD, 18));
        g.drawString(experiment + " · attention · held-out prompt " + prompt, 20f, 30f);
        g.setFont(new Font(Charts.FONT, Font.PLAIN, 12));
        g.setColor(Charts.MUTED);
        g.drawString("rows attend to columns (" + (stacked ? "q1, e1, q2, e2, …" : "x1, y1, x2, y2, …")
                + ") · darker: " + (distributions ? "more weight (√ scale)" : "larger |score| (√, per panel)"), 20f, 50f);
        double px = (double) CELL / tokens;
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                double x0 = 50 + h * (CELL + 14);
                double y0 = 70 + l * (CELL + 24) + 16;
                g.setColor(Charts.INK);
                g.setFont(new Font(Charts.FONT, Font.PLAIN, 12));
                g.drawString("layer " + l + " · head " + h, (float) x0, (float) (y0 - 4));
                double scale = 1;
                if (!distributions) {
                    double max = 0;
                    for (int q = 0; q < tokens; q++) {
                        for (int k = 0; k <= q; k++) {
                            max = Math.max(max, Math.abs(maps.at(l, prompt, h, q, k)));
                        }
                    }
                    scale = max > 0 ? max : 1;
                }
                for (int q = 0; q < tokens; q++) {
                    for (int k = 0; k < tokens; k++) {
                        double w = Math.abs(maps.at(l, prompt, h, q, k)) / scale;
                        g.setColor(k > q ? new Color(0xF4F4F4) : shade(Math.sqrt(w)));
                        g.fill(new Rectangle2D.Double(x0 + k * px, y0 + q * px, px + 0.3, px + 0.3));
                    }
                }
                g.setColor(new Color(0xB0B0B0));
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle2D.Double(x0, y0, CELL, CELL));
            }
        }
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }
}
