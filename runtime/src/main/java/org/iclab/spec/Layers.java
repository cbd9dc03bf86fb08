package org.iclab.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Which hidden states a probe reads: every one ({@code all}) or the listed layers. Layer 0 is the embedded input
 * (before the first block), layer L the output of block L; a model with L blocks has layers 0..L. In spec.json
 * {@code "all"} or a list of layer numbers.
 *
 * <pre>
 * Java:   Layers.all()         Layers.of(0, 3, 6)
 * Groovy: layers: all()        layers: [0, 3, 6]      layers: 1..3      layers: 2
 * </pre>
 *
 * @param only the layers in increasing order, or null for every layer
 */
public record Layers(List<Integer> only) {
    private static final Layers ALL = new Layers(null);

    public Layers {
        if (only != null) {
            Problems.in("probes")
                    .require(!only.isEmpty(), "layers", "must name at least one layer (or be all())", only)
                    .require(only.stream().allMatch(l -> l != null && l >= 0), "layers", "must be >= 0 (0 = the embedded input)", only)
                    .throwIfAny();
            only = List.copyOf(new java.util.TreeSet<>(only));
        }
    }

    /** Every layer, 0 (the embedded input) to the last block's output. */
    public static Layers all() {
        return ALL;
    }

    /** The listed layers. */
    public static Layers of(int... layers) {
        List<Integer> list = new ArrayList<>();
        for (int l : layers) {
            list.add(l);
        }
        return new Layers(list);
    }

    /** Whether every layer is meant. */
    public boolean isAll() {
        return only == null;
    }

    /** The layers of a model with {@code hiddenCount} hidden states (layers + 1). */
    public List<Integer> resolve(int hiddenCount) {
        if (only == null) {
            List<Integer> every = new ArrayList<>();
            for (int l = 0; l < hiddenCount; l++) {
                every.add(l);
            }
            return every;
        }
        return only;
    }

    @JsonValue
    Object json() {
        return only == null ? "all" : only;
    }

    @JsonCreator
    static Layers fromJson(Object json) {
        if ("all".equals(json)) {
            return ALL;
        }
        if (json instanceof List<?> list) {
            List<Integer> layers = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Integer i)) {
                    throw new SpecException("probes", "layers", "must be \"all\" or a list of whole numbers", json);
                }
                layers.add(i);
            }
            return new Layers(layers);
        }
        throw new SpecException("probes", "layers", "must be \"all\" or a list of whole numbers", json);
    }

    @Override
    public String toString() {
        return only == null ? "all" : only.toString();
    }
}
