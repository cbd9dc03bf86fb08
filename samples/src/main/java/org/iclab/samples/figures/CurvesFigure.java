package org.iclab.samples.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One learner's curve from each of several runs in one figure: the standard-strategy rows of each run's
 * {@code eval.csv}, as accuracy (1 − error, for classification runs) or as the error, with the 90% bootstrap band.
 * A curve is named {@code RUN_DIR:learner[:label]}.
 *
 * <pre>
 * java org.iclab.samples.figures.CurvesFigure [--accuracy] OUT.png "title" RUN_DIR:model:GPT-2 RUN_DIR:elimination ...
 * </pre>
 */
public final class CurvesFigure {
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};

    private CurvesFigure() {
    }

    /** One curve: k, value and band, read from a run's eval.csv. */
    record Curve(String label, double[] k, double[] value, double[] low, double[] high) {
    }

    /** The standard-strategy curve of {@code learner} in {@code runDir}, as accuracy where {@code accuracy}. */
    static Curve read(Path runDir, String learner, String label, boolean accuracy) {
        List<double[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(runDir.resolve("eval.csv"))) {
                String[] f = line.split(",");
                if (f.length == 6 && f[0].equals("standard") && f[1].equals(learner) && !f[3].isEmpty()) {
                    rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no standard rows for learner '" + learner + "' in " + runDir.resolve("eval.csv"));
        }
        int n = rows.size();
        double[] k = new double[n];
        double[] v = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            k[i] = r[0];
            v[i] = accuracy ? 1 - r[1] : r[1];
            lo[i] = accuracy ? 1 - r[3] : r[2];
            hi[i] = accuracy ? 1 - r[2] : r[3];
        }
        return new Curve(label, k, v, lo, hi);
    }

    /** Draws {@code curves} into a PNG at {@code out} (written atomically). */
    static void draw(Path out, String title, boolean accuracy, List<Curve> curves) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("in-context examples k").yAxisTitle(accuracy ? "accuracy" : "error").build();
        org.knowm.xchart.style.XYStyler style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xE4E4E4));
        style.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        style.setMarkerSize(5);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            Color colour = PALETTE[i % PALETTE.length];
            // the band as a closed polygon: along the upper edge, back along the lower one
            int n = c.k().length;
            double[] bx = new double[2 * n + 1];
            double[] by = new double[2 * n + 1];
            for (int j = 0; j < n; j++) {
                bx[j] = c.k()[j];
                by[j] = c.high()[j];
                bx[2 * n - 1 - j] = c.k()[j];
                by[2 * n - 1 - j] = c.low()[j];
            }
            bx[2 * n] = bx[0];
            by[2 * n] = by[0];
            XYSeries band = chart.addSeries(c.label() + " band", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 46));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setLineStyle(new BasicStroke(0f));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            XYSeries line = chart.addSeries(c.label(), c.k(), c.value());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(out, png);
    }

    public static void main(String[] args) throws IOException {
        boolean accuracy = args.length > 0 && args[0].equals("--accuracy");
        int first = accuracy ? 1 : 0;
        if (args.length < first + 3) {
            System.err.println("usage: CurvesFigure [--accuracy] OUT.png TITLE RUN_DIR:learner[:label]...");
            System.exit(2);
        }
        List<Curve> curves = new ArrayList<>();
        for (int i = first + 2; i < args.length; i++) {
            String[] part = args[i].split(":");
            if (part.length < 2) {
                System.err.println("a curve is RUN_DIR:learner[:label], was " + args[i]);
                System.exit(2);
            }
            curves.add(read(Path.of(part[0]), part[1], part.length > 2 ? part[2] : part[1], accuracy));
        }
        draw(Path.of(args[first]), args[first + 1], accuracy, curves);
        System.out.println("wrote " + args[first]);
    }
}
