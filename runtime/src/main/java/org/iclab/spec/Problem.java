package org.iclab.spec;

/**
 * One broken rule in a declaration: where ({@code path}, e.g. {@code train.curriculum}), which setting, which rule,
 * and the value that broke it.
 */
public record Problem(String path, String setting, String rule, String value) {
    /** {@code train.curriculum: points.end must be >= points.start, was 5 < 11}. */
    public String message() {
        return path + ": " + setting + " " + rule + ", was " + value;
    }

    @Override
    public String toString() {
        return message();
    }
}
