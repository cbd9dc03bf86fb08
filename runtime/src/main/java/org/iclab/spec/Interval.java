package org.iclab.spec;

import org.iclab.spec.strategy.Strategy;
/**
 * An interval of real numbers from {@code min} to {@code max}, both included, from which a value is drawn
 * uniformly; written {@code 0.5..2} (or {@code [0.5, 2]}, or one number for an interval of one value) in a script.
 */
public record Interval(double min, double max) {
    public Interval {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new SpecException("interval", "min", "must be finite numbers", min + ".." + max);
        }
        if (min > max) {
            throw new SpecException("interval", "max", "must be >= min", Strategy.number(max) + " < " + Strategy.number(min));
        }
    }

    /** The interval of the single value {@code v}. */
    public static Interval of(double v) {
        return new Interval(v, v);
    }

    /** A uniform draw (one draw even when min = max, so streams do not depend on the width). */
    public double draw(java.util.SplittableRandom rng) {
        return min + (max - min) * rng.nextDouble();
    }

    @Override
    public String toString() {
        return Strategy.number(min) + ".." + Strategy.number(max);
    }
}
