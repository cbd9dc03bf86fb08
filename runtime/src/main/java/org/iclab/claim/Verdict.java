package org.iclab.claim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** A claim over seeds: it holds at every seed, at some, or at none; or it has not been run. */
public enum Verdict {
    HOLDS, MIXED, FAILS, NOT_RUN;

    /** The verdict of readings that hold or not, one a seed (no readings: not run). */
    public static Verdict of(List<Boolean> holds) {
        long n = holds.stream().filter(Boolean::booleanValue).count();
        return holds.isEmpty() ? NOT_RUN : n == holds.size() ? HOLDS : n == 0 ? FAILS : MIXED;
    }

    /** {@code holds}, {@code mixed}, {@code fails}, {@code not run}: as reproduction.json and the pages write it. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The verdict {@link #word} writes. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Verdict of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
