package org.iclab.dsl;

import java.util.Map;
import org.iclab.spec.Registry;
import org.iclab.spec.SpecException;

/**
 * A word's registered presets ({@link org.iclab.spec.Extension#presets}), as the generic word forms read them:
 * {@code gpt2('small')} is a preset, and {@code gpt2(preset: 'small', layers: 4)} starts from one.
 */
final class Presets {
    /** The setting that names a preset. */
    static final String SETTING = "preset";

    private Presets() {
    }

    /** The presets of the word {@code word}, in order (empty for most words). */
    static Map<String, ?> of(String word) {
        return Registry.get().word(word).<Map<String, ?>>map(w -> w.extension().presets()).orElse(Map.of());
    }

    /** The preset {@code name} of {@code word}; where it has none of that name, an error naming those it has. */
    static Object named(String word, String name) {
        Object found = of(word).get(name);
        if (found == null) {
            throw new SpecException(word, SETTING, "must be one of " + java.util.List.copyOf(of(word).keySet()), "'" + name + "'");
        }
        return found;
    }

    /** The preset a form naming none starts from: the first. */
    static String first(String word) {
        return of(word).keySet().iterator().next();
    }
}
