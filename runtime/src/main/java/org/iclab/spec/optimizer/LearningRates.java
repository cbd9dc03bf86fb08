package org.iclab.spec.optimizer;

import java.util.List;
import org.iclab.spec.Problems;

/**
 * The learning-rate schedule every optimizer shares. Of N steps, step i (0-based) runs at
 * <ul>
 * <li>during the first W = round(warmup · N) steps: from + (lr − from) · (i + 1) / W (a linear warm-up from
 * {@code warmupFrom}; with 0, lr · (i + 1) / W);</li>
 * <li>after it, with {@code 'cosine'}: min + (lr − min) · ½ (1 + cos(π (i − W) / (N − W))), down to {@code minLr}
 * (RegBench's floor is 0.1 · lr); with {@code 'linear'}: min + (lr − min) · (1 − (i − W) / (N − W)); with
 * {@code 'constant'}: lr.</li>
 * </ul>
 * With {@code warmupFrom} and {@code minLr} 0 the rates are the ones the schedules gave before those settings existed,
 * to the bit.
 */
public final class LearningRates {
    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";
    public static final String LINEAR = "linear";

    private LearningRates() {
    }

    /** Checks the schedule's settings against {@code lr}, adding problems to {@code problems}. */
    static Problems check(Problems problems, double lr, double warmup, String schedule, double minLr, double warmupFrom) {
        boolean rated = lr > 0 && Double.isFinite(lr); // else lr's own rule reports it
        return problems
                .require(warmup >= 0 && warmup < 1, "warmup", "must be in [0, 1)", warmup)
                .require(List.of(CONSTANT, COSINE, LINEAR).contains(schedule), "schedule", "must be 'constant', 'cosine' or 'linear'",
                        "'" + schedule + "'")
                .require(Double.isFinite(minLr) && minLr >= 0 && (!rated || minLr < lr), "minLr", "must be a finite number >= 0 and below lr (" + lr + ")", minLr)
                .require(minLr == 0 || COSINE.equals(schedule) || LINEAR.equals(schedule), "minLr",
                        "is the floor of a decay: set schedule 'cosine' or 'linear' (the schedule is '" + schedule + "')", minLr)
                .require(Double.isFinite(warmupFrom) && warmupFrom >= 0 && (!rated || warmupFrom < lr), "warmupFrom",
                        "must be a finite number >= 0 and below lr (" + lr + ")", warmupFrom)
                .require(warmupFrom == 0 || warmup > 0, "warmupFrom", "is where a warm-up starts: set warmup > 0", warmupFrom);
    }

    /** Whether the rate changes from step to step. */
    static boolean scheduled(double warmup, String schedule) {
        return warmup > 0 || !CONSTANT.equals(schedule);
    }

    /** The rate of 1-based {@code step} of {@code steps}. */
    static double at(double lr, double warmup, String schedule, double minLr, double warmupFrom, long step, long steps) {
        long i = step - 1;
        long w = Math.round(warmup * steps);
        if (i < w) {
            return warmupFrom + (lr - warmupFrom) * (i + 1) / w;
        }
        if (COSINE.equals(schedule)) {
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * (i - w) / (double) (steps - w)));
        }
        if (LINEAR.equals(schedule)) {
            return minLr + (lr - minLr) * (1 - (i - w) / (double) (steps - w));
        }
        return lr;
    }
}
