package org.iclab.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.iclab.io.AtomicFiles;
import org.iclab.report.RunDirectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep gathered: {@code sweep.csv}, a tidy table of the axis values beside every row of each finished point's
 * eval.csv, and figures of the error at one k against each numeric axis, one line per learner (and per value of the
 * other axes). An axis named {@code seed} is averaged over: each line is the mean across seeds with a 90% bootstrap
 * interval across them; without one, the point's own interval is drawn.
 */
public final class SweepTable {
    private static final String[] EVAL_COLUMNS = {"strategy", "learner", "k", "error", "ci_low", "ci_high"};
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};
    static final String SEED = "seed";

    private SweepTable() {
    }

    /** One row: a point's axis values and one eval.csv row (strategy, learner, k, error, ci_low, ci_high as text). */
    record Row(Map<String, String> values, String[] eval) {
        String strategy() {
            return eval[0];
        }

        String learner() {
            return eval[1];
        }

        int k() {
            return Integer.parseInt(eval[2]);
        }

        double error() {
            return eval[3].isEmpty() ? Double.NaN : Double.parseDouble(eval[3]);
        }
    }

    /** The eval.csv rows of each point, in point order. */
    static List<Row> gather(Path sweepDir, List<Sweep.Point> points) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Sweep.Point p : points) {
            Path csv = sweepDir.resolve(p.name()).resolve(RunDirectory.EVAL_CSV);
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<String> lines = Files.readAllLines(csv);
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            int[] at = new int[EVAL_COLUMNS.length];
            for (int i = 0; i < at.length; i++) {
                at[i] = header.indexOf(EVAL_COLUMNS[i]);
                if (at[i] < 0) {
                    throw new IOException(csv + " has no column " + EVAL_COLUMNS[i]);
                }
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String[] eval = new String[at.length];
                for (int i = 0; i < at.length; i++) {
                    eval[i] = f[at[i]];
                }
                rows.add(new Row(p.values(), eval));
            }
        }
        return rows;
    }

    /** Writes sweep.csv atomically: the axis columns, then strategy,learner,k,error,ci_low,ci_high. */
    static void writeCsv(Path file, List<String> axes, List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", axes)).append(',').append(String.join(",", EVAL_COLUMNS)).append('\n');
        for (Row r : rows) {
            for (String axis : axes) {
                csv.append(r.values().get(axis)).append(',');
            }
            csv.append(String.join(",", r.eval())).append('\n');
        }
        AtomicFiles.write(file, csv.toString());
    }

    /**
     * The rows of {@code strategy} with an error at {@code k}, or where {@code k} is null at the largest k with an
     * error on that strategy: what the figures draw and the report lists.
     */
    private static List<Row> atK(List<Row> rows, String strategy, Integer k) {
        List<Row> mine = rows.stream().filter(r -> r.strategy().equals(strategy) && Double.isFinite(r.error())).toList();
        int at = k != null ? k : mine.stream().mapToInt(Row::k).max().orElse(-1);
        return mine.stream().filter(r -> r.k() == at).toList();
    }

    /**
     * The sweep's report.html: every point's error at {@code k} (null: per strategy, the largest k with an error, as
     * in the figures) with its interval, one row per point, strategy and learner, and the figures.
     */
    static void writeReport(Path dir, String title, List<String> axes, List<Row> rows, Integer k, List<Path> figures) {
        List<String> header = new ArrayList<>(axes);
        header.addAll(List.of("strategy", "learner", "k", "error [interval]"));
        List<List<String>> table = new ArrayList<>();
        for (String strategy : rows.stream().map(Row::strategy).distinct().toList()) {
            for (Row r : atK(rows, strategy, k)) {
                List<String> cells = new ArrayList<>();
                axes.forEach(a -> cells.add(r.values().get(a)));
                cells.addAll(List.of(strategy, r.learner(), Integer.toString(r.k()), org.iclab.report.RunReport.cellText(r.error(),
                        parse(r.eval()[4], Double.NaN), parse(r.eval()[5], Double.NaN))));
                table.add(cells);
            }
        }
        org.iclab.report.RunReport.writeSweep(dir, title, header, table, figures);
    }

    /**
     * Figures {@code sweep-<axis>-<strategy>.png} of the error at {@code k} (null: the largest k with an error on
     * that strategy) against each numeric axis but the seed, written into {@code dir}; returns their paths.
     */
    static List<Path> writeFigures(Path dir, List<String> axes, List<Row> rows, Integer k) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> strategies = rows.stream().map(Row::strategy).distinct().toList();
        for (String axis : axes) {
            if (axis.equals(SEED) || !numeric(rows, axis)) {
                continue;
            }
            for (String strategy : strategies) {
                List<Row> atK = atK(rows, strategy, k);
                if (atK.isEmpty()) {
                    continue;
                }
                Path png = dir.resolve("sweep-" + Sweep.leaf(axis) + "-" + Sweep.fileSafe(strategy) + ".png");
                AtomicFiles.write(png, figure(axis, axes, strategy, atK.get(0).k(), atK));
                written.add(png);
            }
        }
        return written;
    }

    private static byte[] figure(String axis, List<String> axes, String strategy, int k, List<Row> rows) throws IOException {
        TreeSet<Double> finite = new TreeSet<>();
        rows.forEach(r -> {
            double v = x(r.values().get(axis), Double.NaN);
            if (Double.isFinite(v)) {
                finite.add(v);
            }
        });
        boolean log2 = !finite.isEmpty() && finite.stream().allMatch(v -> v > 0 && Math.rint(Math.log(v) / Math.log(2)) == Math.log(v) / Math.log(2));
        double infAt = finite.isEmpty() ? 1 : log2 ? finite.last() * 2 : finite.last() + (finite.size() > 1 ? finite.last() - finite.lower(finite.last()) : 1);
        boolean hasInf = rows.stream().anyMatch(r -> Sweep.INF.equals(r.values().get(axis)));
        // lines: learner and the values of the other axes (but the seed); points: the axis value, over seeds
        Map<String, Map<Double, List<Row>>> lines = new LinkedHashMap<>();
        for (Row r : rows) {
            StringBuilder label = new StringBuilder(r.learner());
            for (String other : axes) {
                if (!other.equals(axis) && !other.equals(SEED)) {
                    label.append(", ").append(Sweep.leaf(other)).append('=').append(r.values().get(other));
                }
            }
            double x = x(r.values().get(axis), infAt);
            lines.computeIfAbsent(label.toString(), l -> new java.util.TreeMap<>()).computeIfAbsent(x, v -> new ArrayList<>()).add(r);
        }
        boolean seeds = axes.contains(SEED);
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title(String.format(Locale.ROOT, "%s · error at k = %d against %s%s", strategy, k, axis, hasInf ? " (inf at the right end)" : ""))
                .xAxisTitle(log2 ? "log2 " + axis : axis).yAxisTitle(seeds ? "error, mean over seeds (90% interval)" : "error (90% interval)").build();
        var style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotGridLinesColor(new Color(0xE4E4E4));
        style.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        style.setMarkerSize(6);
        int colour = 0;
        for (var line : lines.entrySet()) {
            int n = line.getValue().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[] bars = new double[n];
            int i = 0;
            for (var point : line.getValue().entrySet()) {
                xs[i] = log2 ? Math.log(point.getKey()) / Math.log(2) : point.getKey();
                List<Row> at = point.getValue();
                double[] errors = at.stream().mapToDouble(Row::error).toArray();
                ys[i] = Arrays.stream(errors).average().orElse(Double.NaN);
                double[] interval = seeds && errors.length > 1 ? bootstrapMean(errors)
                        : new double[] {parse(at.get(0).eval()[4], ys[i]), parse(at.get(0).eval()[5], ys[i])};
                bars[i] = Math.max(ys[i] - interval[0], interval[1] - ys[i]);
                i++;
            }
            XYSeries series = chart.addSeries(line.getKey(), xs, ys, bars);
            Color c = PALETTE[colour++ % PALETTE.length];
            series.setLineColor(c);
            series.setMarkerColor(c);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** The 5th and 95th percentiles of 1,000 resampled means (fixed seed: the same figure every time). */
    public static double[] bootstrapMean(double[] values) {
        SplittableRandom rng = new SplittableRandom(20231130L);
        double[] means = new double[1000];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[rng.nextInt(values.length)];
            }
            means[b] = sum / values.length;
        }
        Arrays.sort(means);
        return new double[] {means[49], means[949]};
    }

    private static boolean numeric(List<Row> rows, String axis) {
        return rows.stream().map(r -> r.values().get(axis)).allMatch(v -> Sweep.INF.equals(v) || Double.isFinite(x(v, Double.NaN)));
    }

    private static double x(String value, double inf) {
        if (Sweep.INF.equals(value)) {
            return inf;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double parse(String text, double fallback) {
        return text == null || text.isEmpty() ? fallback : Double.parseDouble(text);
    }
}
