package org.iclab.sweep;

import org.iclab.dsl.UserError;

/**
 * How many runs of a sweep or reproduction go at once, and how many TensorFlow threads each gets. Unless told
 * otherwise, as many runs as there are, up to {@value #RUNS_PER_THREAD} per thread, one thread each: on these CPUs a
 * small model gains little from a second thread, so runs side by side on one thread each finish sooner than the same
 * runs one after another on all threads ({@code samples/benchmark.sh --seeds} measures both, and docs/performance.md
 * gives its figures). With one thread in all, one run at a time.
 *
 * @param runs        runs at once
 * @param threadsEach TensorFlow's intra-op threads of each run
 */
public record Parallelism(int runs, int threadsEach) {
    /** The most runs per thread the default starts at once. */
    public static final int RUNS_PER_THREAD = 2;

    /**
     * The choice for {@code points} runs: {@code parallel} runs at once where given, else the default above;
     * {@code threads} in all where given, else {@code cores}; each run gets an equal share of the threads, at least one.
     * {@code command} names the command in the error for a value below 1.
     */
    public static Parallelism of(String command, Integer parallel, Integer threads, int points, int cores) {
        if (parallel != null && parallel < 1) {
            throw new UserError(command + ": --parallel must be >= 1, was " + parallel);
        }
        if (threads != null && threads < 1) {
            throw new UserError(command + ": --threads must be >= 1, was " + threads);
        }
        int total = threads != null ? threads : Math.max(1, cores);
        int runs = parallel != null ? parallel : total == 1 ? 1 : Math.max(1, Math.min(points, RUNS_PER_THREAD * total));
        return new Parallelism(runs, Math.max(1, total / runs));
    }

    /** The sentence a command prints: "2 at a time, 1 thread each". */
    public String describe() {
        return runs + " at a time, " + threadsEach + " thread" + (threadsEach == 1 ? "" : "s") + " each";
    }
}
