package org.iclab.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one record's validation so they are reported together. */
public final class Problems {
    private final String path;
    private final List<Problem> problems = new ArrayList<>();

    private Problems(String path) {
        this.path = path;
    }

    /** Problems of the settings under {@code path} ({@code "train"}, {@code "model"}, ...). */
    public static Problems in(String path) {
        return new Problems(path);
    }

    /** Records a problem unless {@code ok}. */
    public Problems require(boolean ok, String setting, String rule, Object value) {
        if (!ok) {
            problems.add(new Problem(path, setting, rule, String.valueOf(value)));
        }
        return this;
    }

    /** Records that a required setting is missing (null). */
    public Problems requirePresent(Object value, String setting) {
        return require(value != null, setting, "is required", "missing");
    }

    public Problems addAll(List<Problem> more) {
        problems.addAll(more);
        return this;
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    /** Throws one {@link SpecException} listing every problem found, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }
}
