package org.iclab.samples.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.eval.EvaluationLog;
import org.iclab.io.AtomicFiles;
import org.iclab.report.RunDirectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's training dynamics in one figure, from the evaluations during training in its metrics.jsonl: the model's
 * accuracy (1 − mean error) on each named strategy, and the induction score of each layer's first head on one
 * strategy, against step. Accuracy lines are solid, induction lines dashed.
 *
 * <pre>
 * java org.iclab.samples.figures.DynamicsFigure OUT.png "title" RUN_DIR INDUCTION_STRATEGY STRATEGY...
 * </pre>
 */
public final class DynamicsFigure {
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};

    private DynamicsFigure() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: DynamicsFigure OUT.png TITLE RUN_DIR INDUCTION_STRATEGY STRATEGY...");
            System.exit(2);
        }
        List<EvaluationLog> logs = RunDirectory.existing(Path.of(args[2])).evaluationLogs();
        if (logs.isEmpty()) {
            System.err.println(args[2] + " has no evaluations during training (train.evaluateEvery)");
            System.exit(2);
        }
        double[] step = logs.stream().mapToDouble(EvaluationLog::step).toArray();
        XYChart chart = new XYChartBuilder().width(900).height(560).title(args[1]).xAxisTitle("step")
                .yAxisTitle("accuracy (solid) · induction score (dashed)").build();
        var style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xE4E4E4));
        style.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        style.setMarkerSize(4);
        style.setYAxisMin(0.0);
        style.setYAxisMax(1.0);
        int colour = 0;
        for (int a = 4; a < args.length; a++) {
            String strategy = args[a];
            double[] accuracy = logs.stream().mapToDouble(l -> {
                Double e = l.meanError().get(strategy);
                return e == null ? Double.NaN : 1 - e;
            }).toArray();
            add(chart, strategy + " accuracy", step, accuracy, PALETTE[colour++ % PALETTE.length], false);
        }
        String inductionOn = args[3];
        // the first head of each layer: series L1H1, L2H1, ...
        List<String> firstHeads = new ArrayList<>(logs.get(logs.size() - 1).measures().getOrDefault("induction", java.util.Map.of())
                .getOrDefault(inductionOn, java.util.Map.of()).keySet()).stream().filter(n -> n.endsWith("H1")).toList();
        for (String series : firstHeads) {
            double[] score = logs.stream().mapToDouble(l -> {
                Double v = l.measures().getOrDefault("induction", java.util.Map.of()).getOrDefault(inductionOn, java.util.Map.of()).get(series);
                return v == null ? Double.NaN : v;
            }).toArray();
            add(chart, "induction, layer " + series.substring(1, series.indexOf('H')) + " (" + inductionOn + ")", step, score,
                    PALETTE[colour++ % PALETTE.length], true);
        }
        AtomicFiles.write(Path.of(args[0]), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        System.out.println("wrote " + args[0]);
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(dashed ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        series.setLineStyle(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
}
