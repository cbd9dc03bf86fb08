package org.iclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclab.eval.EvaluationLog;
import org.iclab.spec.Experiment;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.iclab.report.Charts.*;

/** A measure taken during training against step ({@code <word>}), one line per strategy and series. */
final class MeasureFigure {
    private MeasureFigure() {
    }

    /**
     * A measure taken during training against step ({@code plots/<word>.png}): one line per strategy and series
     * ("inContext L2H1": a colour per strategy, a marker per series), from the evaluations that took it.
     */
    static Figure of(String word, org.iclab.spec.measure.Measure measure, Experiment experiment, List<EvaluationLog> evaluations) {
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
                        Arrays.fill(fresh, Double.NaN);
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
}
