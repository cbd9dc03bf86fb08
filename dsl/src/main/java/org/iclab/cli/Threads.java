package org.iclab.cli;

import org.iclab.RunOptions;
import picocli.CommandLine.Option;

/** {@code --threads N}, as the commands that train or read one model take it (a sweep splits its own among points). */
final class Threads {
    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads (default: the available processors).")
    Integer threads;

    /** The threads asked for, else the available processors. */
    int count() {
        return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Sets them on {@code options} where asked for (RunOptions has its own default). */
    RunOptions.Builder applyTo(RunOptions.Builder options) {
        return threads != null ? options.threads(threads) : options;
    }
}
