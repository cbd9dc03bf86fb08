package org.iclab.claim;

import java.util.List;
import java.util.Map;
import org.iclab.spec.Experiment;

/**
 * Results that exist only as a declaration: every reading is checked against the script (an unknown experiment,
 * learner, strategy or sweep point, a k out of range, are {@link ClaimException}s) and gives a stand-in number. Claims
 * are read against it when a script is checked, before anything trains.
 */
public final class DeclaredResults extends CheckedResults {
    /** The stand-in every reading gives. */
    static final double STAND_IN = 0.5;

    public DeclaredResults(Map<String, Experiment> experiments, Map<String, Map<String, List<String>>> axes) {
        super(experiments, axes);
    }

    @Override
    public double eval(String experiment, Map<String, String> point, String column, String learner, String strategy, int k) {
        checkEval(experiment, point, column, learner, strategy, k);
        return STAND_IN;
    }

    @Override
    public double metric(String experiment, String key, long step) {
        checkSingle(experiment, "metric " + key);
        checkStep(experiment, step);
        return STAND_IN;
    }

    @Override
    public double[][] series(String experiment, String key) {
        checkSingle(experiment, "metric " + key);
        return new double[][] {{0, 1}, {STAND_IN, STAND_IN}};
    }

    @Override
    public Long firstStep(String experiment, String key, double level, boolean below) {
        checkSingle(experiment, "metric " + key);
        return 1L;
    }

    @Override
    public long steepestStep(String experiment, String key, boolean rising) {
        checkSingle(experiment, "metric " + key);
        return 1L;
    }

    @Override
    public double probe(String experiment, String probe, String target, Integer layer, Integer k) {
        checkSingle(experiment, "probe " + probe);
        Experiment e = experiment(experiment);
        if (e.probes() == null) {
            throw new ClaimException("reads a " + probe + " probe of " + experiment + ", which declares no probes");
        }
        java.util.Set<String> rows = new java.util.LinkedHashSet<>(); // probes.csv's probe,target pairs the plan writes
        e.probes().probes().forEach(p -> p.rows().forEach(r -> rows.add(r.getKey() + " " + r.getValue())));
        if (!probe.equals("control") && !rows.contains(probe + " " + target)) {
            throw new ClaimException("reads the " + probe + " probe of " + target + " of " + experiment + ", which its probes do not write (they write: "
                    + String.join(", ", rows) + ")");
        }
        if (k != null && (k < 0 || k > maxK(experiment))) {
            throw new ClaimException("reads a probe of " + experiment + " at k = " + k + ", which evaluates k = 0.." + maxK(experiment));
        }
        return STAND_IN;
    }

    private void checkStep(String experiment, long step) {
        long steps = experiment(experiment).train().steps();
        if (step < 0 || step > steps) {
            throw new ClaimException("reads " + experiment + " at step " + step + ", which trains for " + steps + " steps");
        }
    }
}
