package org.iclab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iclab.eval.ErrorCurve;

/** A run's TensorBoard event files: the training file, appended event by event, and the end-of-run summary. */
final class TrainingEvents {
    private final Path root;
    /** The training event file, found or created at the first event. */
    private EventFile events;

    TrainingEvents(Path root) {
        this.root = root;
    }

    /** Appends one event of {@code values} at {@code step}, to the run's training event file (created at the first). */
    void append(long step, List<EventFile.Value> values) {
        try {
            if (events == null) {
                List<Path> training = EventFile.in(root).stream().filter(p -> !TensorBoard.isFinal(p)).toList();
                events = training.isEmpty() ? EventFile.create(root, "") : EventFile.existing(training.get(training.size() - 1));
            }
            events.append(step, values);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the TensorBoard events in " + root, e);
        }
    }

    /** Deletes every event file (a run killed before its first checkpoint starts again). */
    void clear() throws IOException {
        for (Path file : EventFile.in(root)) {
            Files.delete(file);
        }
        events = null;
    }

    /** Drops the events after {@code step} (and a record torn by a kill) and the end-of-run file, which the run writes again. */
    void keepUpTo(long step) {
        try {
            for (Path file : EventFile.in(root)) {
                if (TensorBoard.isFinal(file)) {
                    Files.delete(file);
                } else {
                    EventFile.truncate(file, step);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite the TensorBoard events of " + root + " for the resumed run", e);
        }
    }

    /** The end-of-run event file, written whole (and replaced whole when a run is finished again). */
    void writeSummary(List<ErrorCurve> curves, Path plots, long lastStep) {
        try {
            for (Path old : EventFile.in(root)) {
                if (TensorBoard.isFinal(old)) {
                    Files.delete(old);
                }
            }
            TensorBoard.writeSummary(root, curves, plots, lastStep);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the TensorBoard summary of " + root, e);
        }
    }
}
