package org.iclab.eval;

import java.util.List;
import java.util.Map;
import org.iclab.spec.measure.IclScore;
import org.iclab.spec.Objective;
import org.iclab.spec.score.Score;
import org.iclab.spec.SpecException;
import org.iclab.spec.strategy.Strategy;
import org.iclab.spec.score.TokenScores;

/**
 * {@link IclScore}: the model's mean cross-entropy at the late position minus at the early one, read from the
 * evaluation's own curve (the error where the objective's error is the cross-entropy, else the column beside it).
 */
final class IclScoreMeasurement implements Measurement<IclScore> {
    /** Olsson et al.'s early token over their context length: 50 of 512. */
    static final double EARLY = 50.0 / 512;

    @Override
    public Class<IclScore> spec() {
        return IclScore.class;
    }

    @Override
    public Map<String, Double> take(IclScore measure, Strategy strategy, Context context) {
        double[] ce = crossEntropy(context.modelCurve(strategy), (Objective.CrossEntropy) context.experiment().task().objective());
        return of(measure, ce).map(v -> Map.of("score", v)).orElse(Map.of());
    }

    /** The score on the curve {@code ce} (NaN where a position is not scored); empty where no two positions are. */
    static java.util.Optional<Double> of(IclScore measure, double[] ce) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < ce.length; t++) {
            if (Double.isFinite(ce[t])) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        int late = measure.late() != null ? measure.late() : last;
        int early = measure.early() != null ? measure.early() : first + (int) Math.round(EARLY * (last - first));
        if (late >= ce.length) {
            throw new SpecException("train.measures", "iclScore", "late must be < the " + ce.length + " positions evaluated", late);
        }
        if (early >= late && (measure.early() != null || measure.late() != null)) {
            throw new SpecException("train.measures", "iclScore", "early must be < late (" + late + ")", early);
        }
        if (first < 0 || early >= late) {
            return java.util.Optional.empty(); // fewer than two positions scored: nothing to measure
        }
        double score = ce[late] - ce[early];
        return Double.isFinite(score) ? java.util.Optional.of(score) : java.util.Optional.empty();
    }

    private static double[] crossEntropy(ErrorCurve curve, Objective.CrossEntropy objective) {
        List<Score> scores = objective.scores();
        Score ce = scores.stream().filter(s -> s instanceof TokenScores.CrossEntropy).findFirst().orElseThrow();
        return scores.get(0) == ce ? curve.error() : curve.beside().get(TokenEvaluation.column(ce));
    }
}
