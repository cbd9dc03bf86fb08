package org.iclab.claim;

import java.util.Objects;

/**
 * One finding of a paper, as a check over a script's results: {@code check} reads the results of one seed and gives
 * a number (which must lie within {@code bound}) or a yes or no (then there is no bound).
 *
 * <pre>
 * Java:   new Claim("by k = 10 the model is near least squares", "Fig. 2", Bound.atMost(0.2),
 *                   r -&gt; r.eval("lr", "error", "model", "standard", 10), null)
 * Groovy: claims { claim('by k = 10 the model is near least squares', paper: 'Fig. 2', atMost: 0.2) { error('lr', k: 10) } }
 * </pre>
 *
 * @param name     the finding, as the paper states it
 * @param paper    where the paper states it and its number, or null
 * @param bound    where the number must lie, or null for a check that gives a yes or no
 * @param check    reads the results of one seed
 * @param location where the claim is declared ({@code file:line}), or null
 */
public record Claim(String name, String paper, Bound bound, Check check, String location) {
    public Claim {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a claim needs a name: the finding, as the paper states it");
        }
    }

    /** What a claim reads from one seed's results. */
    @FunctionalInterface
    public interface Check {
        /** A number or a Boolean. */
        Object read(Results results);
    }

    /** What the claim gave at one seed. */
    public record Reading(Double value, boolean holds, String error) {
        static Reading failed(String error) {
            return new Reading(null, false, error);
        }
    }

    /**
     * Reads the claim at one seed. Whatever fails (a missing run, a metric that never crosses its level, a claim that
     * gives no number where it has a bound: {@code ./iclab check} reports those before anything runs) gives a reading
     * that does not hold, with its error.
     */
    public Reading read(Results results) {
        try {
            return reading(check.read(results));
        } catch (RuntimeException e) {
            return Reading.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The reading of the value a check gave; a ClaimException where it is neither a number nor a yes or no as the bound requires. */
    public Reading reading(Object v) {
        if (v instanceof Boolean b) {
            if (bound != null) {
                throw new ClaimException(name, "gives true or false, so it takes no bound (" + bound + "): drop atLeast, atMost or within");
            }
            return new Reading(null, b, null);
        }
        if (v instanceof Number n) {
            if (bound == null) {
                throw new ClaimException(name, "gives a number: say where it must lie with atLeast:, atMost: or within:");
            }
            double d = n.doubleValue();
            return new Reading(d, bound.holds(d), null);
        }
        throw new ClaimException(name, "must give a number or true/false, gave " + (v == null ? "nothing" : v.getClass().getSimpleName() + " " + v));
    }
}
