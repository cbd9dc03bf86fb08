package org.iclab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.train.TrainingListener;

/**
 * How to run (not what): where the run directory goes, how many threads TensorFlow uses, who listens to training.
 *
 * @param out       the exact run directory (must be new or empty), or null to create one under {@code runsRoot}
 * @param runsRoot  where generated run directories go (default {@code runs})
 * @param threads   TensorFlow intra-op threads (default: available processors)
 * @param resume    an earlier run directory to continue from its latest checkpoint, or null
 * @param xla       compile the model with XLA (default false: TensorFlow's executor node by node). A resumed run keeps
 *                  the choice its env.json recorded, so that it continues bit-identically.
 */
public record RunOptions(Path out, Path runsRoot, int threads, List<TrainingListener> listeners, Path resume, boolean xla) {
    public RunOptions {
        listeners = List.copyOf(listeners);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path out;
        private Path runsRoot = Path.of("runs");
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Path resume;
        private boolean xla;

        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder runsRoot(Path runsRoot) {
            this.runsRoot = runsRoot;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        public Builder resume(Path runDirectory) {
            this.resume = runDirectory;
            return this;
        }

        public Builder xla(boolean xla) {
            this.xla = xla;
            return this;
        }

        public RunOptions build() {
            return new RunOptions(out, runsRoot, threads, listeners, resume, xla);
        }
    }
}
