package org.iclab.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure a script declares, which {@code ./iclab reproduce} draws over seeds (the mean of the seeds, and the lowest
 * and highest): learners' {@code curve}s against k, a {@code metric} against the training step, or learners
 * {@code along} a sweep axis at one k.
 *
 * @param kind       {@code curve}, {@code metric} or {@code along}
 * @param experiment the experiment it reads
 * @param learners   the learners drawn (curve, along)
 * @param strategy   the strategy read (curve, along)
 * @param column     the eval column read (curve, along: error by default), or the metrics key (metric)
 * @param axis       the sweep axis (along), else null
 * @param k          the k read (along; null: the largest), else null
 * @param location   where it is declared, or null
 */
public record FigurePlan(String kind, String experiment, List<String> learners, String strategy, String column, String axis, Integer k,
                         String location) {
    /** The kinds of figure. */
    public static final List<String> KINDS = List.of("curve", "metric", "along");

    public FigurePlan {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a figure is one of " + KINDS + ", was " + kind);
        }
        learners = learners == null ? List.of() : List.copyOf(learners);
    }

    /** Its title: {@code quickstart · error against k (standard)}. */
    public String title() {
        return switch (kind) {
            case "curve" -> experiment + " · " + column + " against k (" + strategy + ")";
            case "metric" -> experiment + " · " + column + " against step";
            default -> experiment + " · " + column + " at k = " + (k == null ? "the largest" : k) + " along " + axis + " (" + strategy + ")";
        };
    }

    /** Reads every value the figure draws from one seed's results (checking each against the declaration); one line a learner (metric: one). */
    public List<double[][]> read(Results r) {
        List<double[][]> lines = new ArrayList<>();
        switch (kind) {
            case "curve" -> {
                int maxK = r.maxK(experiment);
                for (String learner : learners) {
                    double[][] xy = new double[2][maxK + 1];
                    for (int k = 0; k <= maxK; k++) {
                        xy[0][k] = k;
                        xy[1][k] = r.eval(experiment, column, learner, strategy, k);
                    }
                    lines.add(xy);
                }
            }
            case "metric" -> lines.add(r.series(experiment, column));
            default -> {
                List<String> values = r.axis(experiment, axis);
                int at = k == null ? r.maxK(experiment) : k;
                for (String learner : learners) {
                    double[][] xy = new double[2][values.size()];
                    for (int i = 0; i < values.size(); i++) {
                        xy[0][i] = i;
                        xy[1][i] = r.eval(experiment, java.util.Map.of(axis, values.get(i)), column, learner, strategy, at);
                    }
                    lines.add(xy);
                }
            }
        }
        return lines;
    }
}
