package org.iclab.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iclab.graph.CompiledModel;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.io.StorageException;
import org.iclab.spec.SpecException;

/**
 * The {@code checkpoint/} folder of a run: {@code latest} holds the newest checkpoint with a finite loss and
 * {@code last-good} the one before it. A new checkpoint is written into a temporary folder, forced to the disk and
 * renamed into place; the old {@code latest} becomes {@code last-good} first. A crash between those two renames
 * leaves no {@code latest}, and then {@code last-good}, the newest complete checkpoint, is the one found: at every
 * instant a complete checkpoint is findable once the first has been written.
 */
public final class Checkpoints {
    public static final String LATEST = "latest";
    public static final String LAST_GOOD = "last-good";
    private static final String VARIABLES = "variables";
    private static final String STATE = "state.json";

    /**
     * What a checkpoint records besides the variables: the step, its loss, and the factor on the learning rate
     * after rollbacks ({@code train.onDivergence 'rollback'}; 1 when none, and in checkpoints written before it existed).
     */
    public record State(long step, double loss, @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("lr_scale") Double lrScale) {
        public State {
            lrScale = lrScale == null ? 1.0 : lrScale;
        }

        public State(long step, double loss) {
            this(step, loss, 1.0);
        }
    }

    /** A checkpoint found on disk: its state and its folder. */
    public record Found(State state, Path folder) {
    }

    private final Path folder;

    public Checkpoints(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Saves every variable (parameters and optimizer moments), the step and the model's learning-rate factor. */
    public Path save(CompiledModel model, long step, double loss) {
        Path target = folder.resolve(LATEST);
        try {
            for (String name : new String[] {LATEST, LAST_GOOD}) { // what a kill interrupted: never a complete checkpoint
                for (Path killed : AtomicFiles.leftovers(folder.resolve(name))) {
                    AtomicFiles.deleteTree(killed);
                }
            }
            Path tmp = AtomicFiles.siblingTempDirectory(target);
            try {
                model.save(tmp.resolve(VARIABLES));
            } catch (RuntimeException e) { // TensorFlow's writer reports a full disk as its own exception
                throw new IOException(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()), e);
            }
            Json.writeFile(tmp.resolve(STATE), new State(step, loss, model.learningRateScale()));
            AtomicFiles.replaceDirectory(tmp, target, folder.resolve(LAST_GOOD));
            return target;
        } catch (IOException | java.io.UncheckedIOException e) {
            String kept = latest().map(f -> "; the checkpoint of step " + f.state().step() + " is intact in " + f.folder())
                    .orElse("; no earlier checkpoint exists");
            throw new StorageException("could not write the checkpoint of step " + step + " under " + folder + ": "
                    + (e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause().getMessage() : e.getMessage()) + kept, e);
        }
    }

    /**
     * The newest complete checkpoint, if any: {@code latest}, or {@code last-good} where a crash left no
     * {@code latest}. An unreadable state.json is an error naming the file (a checkpoint is never written in place,
     * so that means the disk or a person changed it).
     */
    public Optional<Found> latest() {
        for (String name : new String[] {LATEST, LAST_GOOD}) {
            Path state = folder.resolve(name).resolve(STATE);
            if (Files.isRegularFile(state)) {
                return Optional.of(new Found(read(state), folder.resolve(name)));
            }
        }
        return Optional.empty();
    }

    private static State read(Path state) {
        try {
            State s = Json.MAPPER.readValue(state.toFile(), State.class);
            if (s.step() < 1 || !(s.lrScale() > 0)) {
                throw new SpecException("checkpoint", state.toString(), "must hold a step >= 1 and a positive lr_scale",
                        "step " + s.step() + ", lr_scale " + s.lrScale());
            }
            return s;
        } catch (IOException e) {
            throw new SpecException("checkpoint", state.toString(), "must be a checkpoint's state.json ({\"step\": ..., \"loss\": ...})",
                    e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Restores the newest checkpoint into {@code model}; returns its state. */
    public State restoreLatest(CompiledModel model) {
        Found found = latest().orElseThrow(() -> new IllegalStateException("no checkpoint under " + folder));
        Path variables = found.folder().resolve(VARIABLES);
        try {
            model.restore(variables);
        } catch (RuntimeException e) {
            throw new SpecException("checkpoint", variables.toString(), "must hold the variables of this run's model, readable",
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
        }
        return found.state();
    }
}
