package org.iclab.sweep;

import org.iclab.dsl.UserError;

/**
 * How many runs of a sweep or reproduction go at once, and how many TensorFlow threads each gets. On these CPUs a
 * small model gains little from a second thread, so runs side by side on one thread each finish sooner than the same
 * runs one after another on all threads ({@code samples/benchmark.sh --seeds} measures both; docs/performance.md gives
 * its figures). So, unless told otherwise: as many runs at once as there are threads, one thread each; and where the
 * runs leave a last round that would use at most half the threads, all of them at once (at most
 * {@value #RUNS_PER_THREAD} a thread), so that few runs are left to finish alone while the other threads idle (three
 * seeds on two cores: all three side by side; 31 runs on 16 cores: 16 at a time). Fewer runs than threads share the
 * threads (each gets the whole share, at least one); with one thread in all, one run at a time. A given
 * {@code parallel} above the number of runs counts as the number of runs.
 *
 * @param runs        runs at once
 * @param threadsEach TensorFlow's intra-op threads of each run
 */
public record Parallelism(int runs, int threadsEach) {
    /** The most runs a thread the default starts at once (where the last round would be at most half full). */
    public static final int RUNS_PER_THREAD = 2;

    /**
     * The choice for {@code points} runs: {@code parallel} runs at once where given, else the default above;
     * {@code threads} in all where given, else {@code cores}; each run gets an equal share of the threads, at least one.
     * {@code command} names the command in the error for a value below 1.
     */
    public static Parallelism of(String command, Integer parallel, Integer threads, int points, int cores) {
        check(command, parallel, threads);
        int total = threads != null ? threads : Math.max(1, cores);
        int n = Math.max(1, points);
        int runs = parallel != null ? Math.min(parallel, n)
                : n <= total || (n <= RUNS_PER_THREAD * total && n % total <= total / 2 && n % total != 0) ? n
                : total;
        return new Parallelism(runs, Math.max(1, total / runs));
    }

    /** The user's {@code --parallel} and {@code --threads}, where given, are at least 1; else a UserError naming {@code command}. */
    public static void check(String command, Integer parallel, Integer threads) {
        if (parallel != null && parallel < 1) {
            throw new UserError(command + ": --parallel must be >= 1, was " + parallel);
        }
        if (threads != null && threads < 1) {
            throw new UserError(command + ": --threads must be >= 1, was " + threads);
        }
    }

    /** The sentence a command prints: "2 at a time, 1 thread each". */
    public String describe() {
        return runs + " at a time, " + threadsEach + " thread" + (threadsEach == 1 ? "" : "s") + " each";
    }
}
