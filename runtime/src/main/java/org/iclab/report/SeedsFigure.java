package org.iclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.iclab.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.iclab.report.Charts.*;

/**
 * A figure over seeds: each line is the mean across seeds, drawn with thin lines at the lowest and the highest seed;
 * the x axis is k, the training step, or the index of a sweep axis's values (labelled with them). A reproduction draws
 * the figures its scripts declare with it.
 */
public final class SeedsFigure {
    private SeedsFigure() {
    }

    /**
     * One line: its values at each x, over seeds.
     *
     * @param name the legend's name
     * @param x    where it is read
     * @param mean the mean over seeds at each x
     * @param low  the lowest seed's value at each x
     * @param high the highest seed's value at each x
     */
    public record Line(String name, double[] x, double[] mean, double[] low, double[] high) {
    }

    /**
     * Writes the figure as a PNG, atomically.
     *
     * @param ticks labels for x = 0, 1, ... (a sweep axis's values), or null for a numeric axis
     */
    public static void write(Path png, String title, String caption, String xTitle, String yTitle, List<Line> lines, List<String> ticks)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setChartTitlePadding(CAPTION_ROOM);
        if (ticks != null) {
            s.setxAxisTickLabelsFormattingFunction(v -> {
                int i = (int) Math.round(v);
                return Math.abs(v - i) < 1e-9 && i >= 0 && i < ticks.size() ? ticks.get(i) : "";
            });
        }
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (Line line : lines) {
            Color colour = COLOURS.getOrDefault(line.name(), PALETTE[i++ % PALETTE.length]);
            XYSeries mean = chart.addSeries(line.name(), line.x(), line.mean());
            mean.setLineColor(colour);
            mean.setMarkerColor(colour);
            mean.setMarker(SeriesMarkers.CIRCLE);
            mean.setLineStyle(new BasicStroke(2.4f));
            for (double[] edge : List.of(line.low(), line.high())) {
                XYSeries e = chart.addSeries(line.name() + (edge == line.low() ? " lowest seed" : " highest seed"), line.x(), edge);
                e.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
                e.setMarker(SeriesMarkers.NONE);
                e.setLineStyle(new BasicStroke(1f));
                e.setShowInLegend(false);
            }
            for (int j = 0; j < line.x().length; j++) {
                xMin = Math.min(xMin, line.x()[j]);
                xMax = Math.max(xMax, line.x()[j]);
                for (double v : new double[] {line.low()[j], line.high()[j]}) {
                    if (Double.isFinite(v)) {
                        yMin = Math.min(yMin, v);
                        yMax = Math.max(yMax, v);
                    }
                }
            }
        }
        if (!(yMax > yMin)) {
            yMin = Double.isFinite(yMin) ? yMin - 1 : 0;
            yMax = yMin + 2;
        }
        s.setXAxisMin(xMin == xMax ? xMin - 1 : xMin);
        s.setXAxisMax(xMin == xMax ? xMax + 1 : xMax);
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax + (yMax - yMin) * 0.05);
        final double x0 = xMin;
        final double x1 = xMax;
        final double y0 = yMin;
        final double y1 = yMax;
        Charts.Figure figure = new Charts.Figure(png.getFileName().toString(), chart,
                (c, g) -> drawCaption(c, g, caption, x0 == x1 ? x0 - 1 : x0, x0 == x1 ? x1 + 1 : x1, y0, y1), title);
        AtomicFiles.write(png, Charts.png(figure));
    }
}
