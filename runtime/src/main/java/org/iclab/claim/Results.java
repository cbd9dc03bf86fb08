package org.iclab.claim;

import java.util.List;
import java.util.Map;

/**
 * What a claim reads: the results of one seed of a script's experiments, by experiment name. A name the script does
 * not declare, a learner or strategy its evaluation does not have, or a k beyond its prompts is a
 * {@link ClaimException}.
 */
public interface Results {
    /** The learner every evaluation has: the trained model. */
    String MODEL = "model";
    /** The strategy every evaluation has. */
    String STANDARD = "standard";

    /**
     * A column of the experiment's {@code eval.json} ({@code error}, {@code accuracy}, {@code cross_entropy}, ...) for
     * {@code learner} at k in-context examples under {@code strategy}.
     */
    default double eval(String experiment, String column, String learner, String strategy, int k) {
        return eval(experiment, Map.of(), column, learner, strategy, k);
    }

    /** As {@link #eval(String, String, String, String, int)}, at one point of the experiment's sweep ({@code train.pool.tasks=16}). */
    double eval(String experiment, Map<String, String> point, String column, String learner, String strategy, int k);

    /** The value of {@code key} in the experiment's {@code metrics.jsonl} at the last logged step at or before {@code step}. */
    double metric(String experiment, String key, long step);

    /** Every logged value of {@code key}: {steps, values}, in step order. */
    double[][] series(String experiment, String key);

    /** The first logged step whose {@code key} is at or below {@code level} ({@code below}) or at or above it; a failed reading if none. */
    Long firstStep(String experiment, String key, double level, boolean below);

    /** The logged step ending the interval over which {@code key} rises fastest ({@code rising}) or falls fastest. */
    long steepestStep(String experiment, String key, boolean rising);

    /**
     * The mean over k of a probe's score ({@code probes.csv}) for a target at a layer, or its score at one k where
     * {@code k} is not null; a null {@code layer} reads the rows that have none (an alignment probe's {@code iterate}
     * rows: each iterate's own error).
     */
    double probe(String experiment, String probe, String target, Integer layer, Integer k);

    /** The values of an axis of the experiment's sweep, in order (an experiment without that axis has none: a ClaimException). */
    List<String> axis(String experiment, String path);

    /** The largest k the experiment evaluates at. */
    int maxK(String experiment);
}
