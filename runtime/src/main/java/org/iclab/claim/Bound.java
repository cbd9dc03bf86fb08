package org.iclab.claim;

import java.util.Locale;

/**
 * Where a claim's number must lie: at least {@code atLeast}, at most {@code atMost}, or both ({@code within}). A claim
 * whose check gives a yes or no has none.
 */
public record Bound(Double atLeast, Double atMost) {
    public Bound {
        if (atLeast == null && atMost == null) {
            throw new IllegalArgumentException("a bound needs atLeast, atMost or both");
        }
        if (atLeast != null && atMost != null && atLeast > atMost) {
            throw new IllegalArgumentException("a bound's low end " + atLeast + " is above its high end " + atMost);
        }
    }

    public static Bound atLeast(double value) {
        return new Bound(value, null);
    }

    public static Bound atMost(double value) {
        return new Bound(null, value);
    }

    public static Bound within(double low, double high) {
        return new Bound(low, high);
    }

    /** Whether {@code value} lies within the bound (NaN never does). */
    public boolean holds(double value) {
        return !Double.isNaN(value) && (atLeast == null || value >= atLeast) && (atMost == null || value <= atMost);
    }

    /** {@code ≥ 0.95}, {@code ≤ 0.2}, {@code in [0.45, 0.55]}. */
    @Override
    public String toString() {
        if (atLeast != null && atMost != null) {
            return "in [" + number(atLeast) + ", " + number(atMost) + "]";
        }
        return atLeast != null ? "≥ " + number(atLeast) : "≤ " + number(atMost);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
