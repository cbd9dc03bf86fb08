package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Where in the prompt a linear probe reads the hidden state: at the token that predicts y_{k+1} from the first k
 * examples ({@code 'last'}: the last token of the prefix the prediction reads; the model's
 * {@code predictionToken(k)}), for every k = 1..points-1 or for the listed k. k = 0 has no context, so a target
 * computed from the context is the same for every prompt there; listing 0 is allowed for targets that vary
 * ({@code weights()}). In spec.json {@code "last"} or a list of k.
 *
 * <pre>
 * Java:   Positions.last()       Positions.of(2, 5)
 * Groovy: position: 'last'       position: [2, 5]
 * </pre>
 *
 * @param only the positions k in increasing order, or null for k = 1..points-1
 */
public record Positions(List<Integer> only) {
    private static final Positions LAST = new Positions(null);

    public Positions {
        if (only != null) {
            Problems.in("probes")
                    .require(!only.isEmpty(), "position", "must name at least one k (or be 'last')", only)
                    .require(only.stream().allMatch(k -> k != null && k >= 0), "position", "must be >= 0", only)
                    .throwIfAny();
            only = List.copyOf(new java.util.TreeSet<>(only));
        }
    }

    /** The prediction token of every k from 1 on. */
    public static Positions last() {
        return LAST;
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
        return only == null ? "last" : only;
    }

    @JsonCreator
    static Positions fromJson(Object json) {
        if ("last".equals(json)) {
            return LAST;
        }
        if (json instanceof List<?> list) {
            List<Integer> ks = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Integer i)) {
                    throw new SpecException("probes", "position", "must be \"last\" or a list of whole numbers", json);
                }
                ks.add(i);
            }
            return new Positions(ks);
        }
        throw new SpecException("probes", "position", "must be \"last\" or a list of whole numbers", json);
    }

    @Override
    public String toString() {
        return only == null ? "last" : only.toString();
    }
}
