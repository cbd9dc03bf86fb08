package org.iclab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iclab.graph.CompiledModel;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;

/**
 * The {@code checkpoint/} folder of a run: {@code latest} holds the newest checkpoint with a finite loss and
 * {@code last-good} the one before it. A new checkpoint is written into a temporary folder and renamed into
 * place, so at every instant at least one complete checkpoint is on disk.
 */
public final class Checkpoints {
    public static final String LATEST = "latest";
    public static final String LAST_GOOD = "last-good";
    private static final String VARIABLES = "variables";
    private static final String STATE = "state.json";

    /** What a checkpoint records besides the variables. */
    public record State(long step, double loss) {
    }

    private final Path folder;

    public Checkpoints(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Saves every variable (parameters and optimizer moments) and the step. */
    public Path save(CompiledModel model, long step, double loss) {
        try {
            Path target = folder.resolve(LATEST);
            Path tmp = AtomicFiles.siblingTempDirectory(target);
            model.save(tmp.resolve(VARIABLES));
            Json.writeFile(tmp.resolve(STATE), new State(step, loss));
            AtomicFiles.replaceDirectory(tmp, target, folder.resolve(LAST_GOOD));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint under " + folder, e);
        }
    }

    /** The newest complete checkpoint, if any. */
    public Optional<State> latest() {
        Path state = folder.resolve(LATEST).resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(state.toFile(), State.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checkpoint state " + state, e);
        }
    }

    /** Restores the newest checkpoint into {@code model}; returns its state. */
    public State restoreLatest(CompiledModel model) {
        State state = latest().orElseThrow(() -> new IllegalStateException("no checkpoint under " + folder));
        model.restore(folder.resolve(LATEST).resolve(VARIABLES));
        return state;
    }
}
