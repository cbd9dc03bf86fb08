package org.iclab.spec;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every word of the vocabulary with its implementation, collected once from the {@link Registration}s on the class
 * path. The one source for the JSON type names ({@link #jsonTypes()}), {@code describe}'s lists and the DSL's
 * words, and the lookup from a spec record to its implementation ({@link #implementation}).
 */
public final class Registry {
    private static final Registry INSTANCE = load();

    private final List<Word> all;
    private final Map<String, Word> byName = new LinkedHashMap<>();
    private final Map<Class<?>, Word> bySpec = new LinkedHashMap<>();

    /**
     * A registered word.
     *
     * @param extension its implementation (or a declared word)
     */
    public record Word(String name, Kind kind, Class<?> spec, Extension extension) {
    }

    private Registry(List<Extension> extensions) {
        List<Word> all = new ArrayList<>();
        for (Extension e : extensions) {
            Kind kind = Kind.of(e.spec());
            if (kind == null) {
                throw new IllegalStateException("registered word " + e.word() + " makes " + e.spec().getName()
                        + ", which implements none of " + List.of(Kind.values()));
            }
            Word w = new Word(e.word(), kind, e.spec(), e);
            if (!e.presets().values().stream().allMatch(e.spec()::isInstance)) {
                throw new IllegalStateException("the word " + w.name() + " has a preset that is not a " + e.spec().getName());
            }
            if (byName.putIfAbsent(w.name(), w) != null) {
                throw new IllegalStateException("the word " + w.name() + " is registered twice");
            }
            if (bySpec.putIfAbsent(w.spec(), w) != null) {
                throw new IllegalStateException(w.spec().getName() + " is registered under two words");
            }
            all.add(w);
        }
        all.sort(Comparator.comparing(Word::kind)); // stable: registration order within a kind
        this.all = List.copyOf(all);
    }

    private static Registry load() {
        List<Extension> extensions = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        ServiceLoader.load(Registration.class, Registry.class.getClassLoader()).forEach(registrations::add);
        registrations.sort(Comparator.comparing(r -> r.getClass().getName())); // class-path order must not matter
        for (Registration r : registrations) {
            extensions.addAll(r.extensions());
        }
        return new Registry(extensions);
    }

    /** The registry of the words on the class path. */
    public static Registry get() {
        return INSTANCE;
    }

    /**
     * Every word of the DSL and {@code describe}, kind by kind in {@link Kind} order, each kind in registration order
     * (the probe kinds, settings of the probes block, are not among them: see {@link #words(Kind)}).
     */
    public List<Word> words() {
        return all.stream().filter(w -> w.kind().word()).toList();
    }

    /** The registrations of one kind, in registration order. */
    public List<Word> words(Kind kind) {
        return all.stream().filter(w -> w.kind() == kind).toList();
    }

    /** The DSL word {@code name}. */
    public Optional<Word> word(String name) {
        return Optional.ofNullable(byName.get(name)).filter(w -> w.kind().word());
    }

    /** The word that makes {@code spec}. */
    public Optional<Word> wordOf(Class<?> spec) {
        return Optional.ofNullable(bySpec.get(spec));
    }

    /** Every record type with its JSON type name, for Jackson's polymorphic (de)serialisation. */
    public List<NamedType> jsonTypes() {
        return all.stream().map(w -> new NamedType(w.spec(), w.name())).toList();
    }

    /**
     * The implementation of {@code spec}'s word as the extension point {@code point} ({@code FunctionClass},
     * {@code Architecture}, ...).
     *
     * @throws IllegalStateException where the word is not registered, or not as that extension point
     */
    public <E extends Extension> E implementation(Object spec, Class<E> point) {
        Word w = bySpec.get(spec.getClass());
        if (w == null) {
            throw new IllegalStateException("no registered word makes " + spec.getClass().getName()
                    + "; list its implementation in a Registration");
        }
        if (!point.isInstance(w.extension())) {
            throw new IllegalStateException("the word " + w.name() + " has no " + point.getSimpleName()
                    + " (registered: " + w.extension().getClass().getName() + ")");
        }
        return point.cast(w.extension());
    }
}
