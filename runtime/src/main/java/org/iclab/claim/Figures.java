package org.iclab.claim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.report.SeedsFigure;

/** Draws a declared figure over seeds: at each x the mean across seeds, and the lowest and highest seed's values. */
public final class Figures {
    private Figures() {
    }

    /**
     * Reads {@code plan} from each seed's results and writes it to {@code png}; the seeds' lines are cut to the
     * shortest (a metric logged at fewer steps in one seed).
     */
    public static void draw(FigurePlan plan, List<? extends Results> seeds, Path png) throws IOException {
        List<List<double[][]>> bySeed = new ArrayList<>();
        for (Results r : seeds) {
            bySeed.add(plan.read(r));
        }
        List<SeedsFigure.Line> lines = new ArrayList<>();
        int count = bySeed.get(0).size();
        for (int l = 0; l < count; l++) {
            int n = Integer.MAX_VALUE;
            for (List<double[][]> seed : bySeed) {
                n = Math.min(n, seed.get(l)[0].length);
            }
            double[] x = java.util.Arrays.copyOf(bySeed.get(0).get(l)[0], n);
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int i = 0; i < n; i++) {
                low[i] = Double.POSITIVE_INFINITY;
                high[i] = Double.NEGATIVE_INFINITY;
                for (List<double[][]> seed : bySeed) {
                    double v = seed.get(l)[1][i];
                    mean[i] += v / bySeed.size();
                    low[i] = Math.min(low[i], v);
                    high[i] = Math.max(high[i], v);
                }
            }
            String name = plan.kind().equals("metric") ? plan.column() : plan.learners().get(l);
            lines.add(new SeedsFigure.Line(name, x, mean, low, high));
        }
        String caption = seeds.size() == 1 ? "one seed" : "mean of " + seeds.size() + " seeds; thin lines: the lowest and the highest seed";
        String xTitle = switch (plan.kind()) {
            case "curve" -> "in-context examples k";
            case "metric" -> "step";
            default -> plan.axis();
        };
        List<String> ticks = plan.kind().equals("along") ? seeds.get(0).axis(plan.experiment(), plan.axis()) : null;
        SeedsFigure.write(png, plan.title(), caption, xTitle, plan.column(), lines, ticks);
    }
}
