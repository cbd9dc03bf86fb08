package org.iclab.cli;

import org.iclab.RunOptions;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} and {@code --xla}, as the commands that train or read one model take them (a sweep splits
 * its own threads among points).
 */
final class Engine {
    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads (default: the available processors).")
    Integer threads;

    @Option(names = "--xla", negatable = true,
            description = "Compile the model with XLA: faster steps after seconds of compilation per prompt shape, the same results "
                    + "to float rounding (not bit for bit). Default for run: TensorFlow's executor node by node; resume and "
                    + "probe keep the choice the run started with.")
    Boolean xla;

    /** The threads asked for, else the available processors. */
    int count() {
        return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Sets them on {@code options} where asked for (RunOptions has its own default). */
    RunOptions.Builder applyTo(RunOptions.Builder options) {
        RunOptions.Builder b = threads != null ? options.threads(threads) : options;
        return xla != null ? b.xla(xla) : b;
    }
}
