package org.iclab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import org.iclab.spec.Experiment;
import org.iclab.spec.Registry;
import org.iclab.spec.SpecException;

/** The one JSON configuration used for every file iclab writes and reads; spec type names come from the {@link Registry}. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        MAPPER.registerSubtypes(Registry.get().jsonTypes().toArray(NamedType[]::new));
    }

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** One line of JSON (for .jsonl files). */
    public static String line(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a spec.json written by an earlier run; problems in it are reported as a {@link SpecException}. */
    public static Experiment readExperiment(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException("spec", "file", "must be a readable spec.json", file + " (" + e.getMessage() + ")");
        }
        return readExperiment(text, file.toString());
    }

    public static Experiment readExperiment(String text, String source) {
        try {
            return MAPPER.readValue(text, Experiment.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            if (e.getCause() instanceof SpecException spec) {
                throw spec;
            }
            throw new SpecException("spec", source, "must describe a valid experiment", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new SpecException("spec", source, "must describe a valid experiment", e.getOriginalMessage());
        }
    }

    /** Writes {@code value} as pretty JSON, atomically. */
    public static void writeFile(Path file, Object value) {
        try {
            AtomicFiles.write(file, write(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
