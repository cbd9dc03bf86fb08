package org.iclab.report;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iclab.eval.Evaluator;
import org.iclab.train.TrainingLog;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.iclab.report.Charts.*;

/** The training loss against step ({@code loss}), raw and smoothed. */
final class LossFigure {
    private LossFigure() {
    }

    // ---- training loss ----------------------------------------------------------------------------------------

    /**
     * Loss against step. Each logged step is one batch's loss, so with enough of them a centred mean over
     * {@link #smoothingWindow} logged steps is drawn over the raw values. On a log axis when the (smoothed) loss
     * spans more than a decade, as it does in any run that learns.
     */
    static Figure of(String name, String experiment, List<TrainingLog> logs) {
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
}
