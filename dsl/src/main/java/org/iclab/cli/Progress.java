package org.iclab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.iclab.train.TrainingListener;
import org.iclab.train.TrainingLog;

/**
 * Training progress for a person: on a terminal one line updated in place, otherwise (a log file, CI) one plain
 * line per log interval.
 */
final class Progress implements TrainingListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final String prefix;
    private long lastStep;
    private int width;

    Progress(PrintWriter out, boolean terminal) {
        this(out, terminal, null);
    }

    /** {@code prefix}, where not null, starts every line (runs side by side name their experiment). */
    Progress(PrintWriter out, boolean terminal, String prefix) {
        this.out = out;
        this.terminal = terminal;
        this.prefix = prefix;
    }

    @Override
    public void started(long firstStep, long lastStep) {
        this.lastStep = lastStep;
    }

    @Override
    public void logged(TrainingLog log) {
        String line = (prefix == null ? "" : prefix + ": ") + String.format(Locale.ROOT, "step %d/%d  loss %.4f  %.1f steps/s  ETA %s",
                log.step(), lastStep, log.loss(), log.stepsPerSecond(), eta(log));
        synchronized (out) {
            if (terminal) {
                out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                width = line.length();
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** Ends the line updated in place, if any. */
    void finish() {
        if (terminal && width > 0) {
            out.println();
            width = 0;
        }
    }

    private String eta(TrainingLog log) {
        if (log.stepsPerSecond() <= 0 || !Double.isFinite(log.stepsPerSecond())) {
            return "?";
        }
        long seconds = Math.round((lastStep - log.step()) / log.stepsPerSecond());
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : seconds + "s";
    }
}
