package org.iclab.spec;

/**
 * A range of whole numbers from {@code min} to {@code max}, both included, from which a count is drawn uniformly;
 * written {@code 4..12} in a script.
 */
public record Span(int min, int max) {
    public Span {
        if (min > max) {
            throw new SpecException("span", "max", "must be >= min", max + " < " + min);
        }
    }

    /** The span of the single value {@code n}. */
    public static Span of(int n) {
        return new Span(n, n);
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
