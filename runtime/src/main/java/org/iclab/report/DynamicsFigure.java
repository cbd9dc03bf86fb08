package org.iclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclab.eval.EvaluationLog;
import org.iclab.eval.Evaluator;
import org.iclab.spec.Experiment;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import static org.iclab.report.Charts.*;

/** The model's error averaged over k against training step, per strategy ({@code dynamics}). */
final class DynamicsFigure {
    private DynamicsFigure() {
    }

    // ---- evaluations during training --------------------------------------------------------------------------

    /**
     * The model's error averaged over k against step, one line per strategy, from the evaluations during training
     * ({@code train.evaluateEvery}): abrupt transitions and phase changes show as steps in these lines.
     */
    static Figure of(String name, Experiment experiment, List<EvaluationLog> evaluations) {
        double[] step = evaluations.stream().mapToDouble(EvaluationLog::step).toArray();
        List<String> strategies = new ArrayList<>(evaluations.get(evaluations.size() - 1).meanError().keySet());
        java.util.Collections.sort(strategies, java.util.Comparator.comparing(st -> st.equals(Evaluator.STANDARD) ? "" : st));
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(experiment.name() + " · error during training")
                .xAxisTitle("step").yAxisTitle(ErrorFigure.yTitle(experiment.task()) + ", mean over k").build();
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
}
