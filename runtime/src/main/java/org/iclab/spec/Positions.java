package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Where in the prompt a linear probe reads the hidden state, for each position k (k examples seen):
 * <ul>
 *   <li>{@code 'last'}: at the token that predicts y_{k+1} (the model's {@code predictionToken(k)}: the query x_{k+1}
 *       in Garg et al.'s layout), for every k = 1..points-1;</li>
 *   <li>{@code 'context'}: at the token just before it, the last one holding the k examples and not yet the query
 *       (y_k in Garg et al.'s layout), for every k = 1..points-1. What a model knows of the context alone is read
 *       there; at the query token it may already be folded into a prediction for that query (w·x_{k+1} is not a
 *       linear function of w);</li>
 *   <li>a list of k: at the prediction token of those k.</li>
 * </ul>
 * k = 0 has no context, so a target computed from the context is the same for every prompt there; listing 0 is allowed
 * for targets that vary ({@code weights()}). In spec.json {@code "last"}, {@code "context"} or a list of k.
 *
 * <pre>
 * Java:   Positions.last()       Positions.contextToken()  Positions.of(2, 5)
 * Groovy: position: 'last'       position: 'context'       position: [2, 5]
 * </pre>
 *
 * @param only    the positions k in increasing order, or null for k = 1..points-1
 * @param context whether the probe reads the last context token rather than the prediction token (with every k only)
 */
public record Positions(List<Integer> only, boolean context) {
    private static final Positions LAST = new Positions(null, false);
    private static final Positions CONTEXT = new Positions(null, true);

    public Positions {
        if (only != null) {
            Problems.in("probes")
                    .require(!only.isEmpty(), "position", "must name at least one k (or be 'last' or 'context')", only)
                    .require(only.stream().allMatch(k -> k != null && k >= 0), "position", "must be >= 0", only)
                    .require(!context, "position", "lists k at the prediction token; 'context' reads every k", only)
                    .throwIfAny();
            only = List.copyOf(new java.util.TreeSet<>(only));
        }
    }

    /** The listed positions, at the prediction token. */
    public Positions(List<Integer> only) {
        this(only, false);
    }

    /** The prediction token of every k from 1 on. */
    public static Positions last() {
        return LAST;
    }

    /** The last context token of every k from 1 on. */
    public static Positions contextToken() {
        return CONTEXT;
    }

    public static Positions of(int... ks) {
        List<Integer> list = new ArrayList<>();
        for (int k : ks) {
            list.add(k);
        }
        return new Positions(list);
    }

    /** The positions k of prompts with {@code points} pairs. */
    public List<Integer> resolve(int points) {
        if (only == null) {
            List<Integer> every = new ArrayList<>();
            for (int k = 1; k < points; k++) {
                every.add(k);
            }
            return every;
        }
        return only;
    }

    @JsonValue
    Object json() {
        return only != null ? only : context ? "context" : "last";
    }

    @JsonCreator
    static Positions fromJson(Object json) {
        if ("last".equals(json)) {
            return LAST;
        }
        if ("context".equals(json)) {
            return CONTEXT;
        }
        if (json instanceof List<?> list) {
            List<Integer> ks = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Integer i)) {
                    throw new SpecException("probes", "position", "must be \"last\", \"context\" or a list of whole numbers", json);
                }
                ks.add(i);
            }
            return new Positions(ks);
        }
        throw new SpecException("probes", "position", "must be \"last\", \"context\" or a list of whole numbers", json);
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
