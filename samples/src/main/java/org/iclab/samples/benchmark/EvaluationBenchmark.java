package org.iclab.samples.benchmark;

import static org.iclab.samples.benchmark.BenchmarkSupport.option;
import static org.iclab.samples.benchmark.BenchmarkSupport.peakRssMb;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.iclab.Iclab;
import org.iclab.baseline.Learner;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GreedyTree;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.Seeds;

/**
 * Evaluation-speed benchmark of the classical baselines: each learner predicts every prefix of {@code --prompts}
 * (default 1280, Garg et al.'s evaluation) linear-regression prompts of {@code --points} (41) points in
 * {@code --dims} (20) dimensions, in parallel over prompts on {@code --threads} threads, as the evaluator runs them.
 * After an untimed warm-up on {@code --warmup} (16) other prompts, repeated for {@code --warmup-seconds} (3; the JIT
 * needs some thousand calls before a learner runs at its speed), runs the prompts {@code --reps} (5) times and prints
 * one {@code RESULT} line per baseline with the median wall time (and the first pass's: before the JIT has compiled
 * everything), µs per predicted prefix, prompts/s, the median CPU time of the process over a pass (on a shared machine wall time depends on
 * the neighbours) and the peak resident memory of this process so far ({@code --baseline NAME} runs only the
 * learner of that result name, so that its peak is its own; {@code --list} prints the names).
 *
 * <pre>
 * java -cp ... org.iclab.samples.benchmark.EvaluationBenchmark --prompts 128 --threads 2
 * java -cp ... org.iclab.samples.benchmark.EvaluationBenchmark --baseline 'lasso(0.01)'
 * </pre>
 */
public final class EvaluationBenchmark {
    /** The baselines measured, in order. */
    static final List<Baseline> BASELINES = List.of(Iclab.zero(), Iclab.averaging(), Iclab.nearestNeighbors(3),
            Iclab.leastSquares(), Iclab.ridge(), Iclab.lasso(0.01), Iclab.greedyTree(), Iclab.greedyTree(GreedyTree.UNLIMITED),
            Iclab.gradientBoosting(), Iclab.gradientDescentNet());

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--list")) {
            BASELINES.forEach(b -> System.out.println(b.learnerName()));
            return;
        }
        int prompts = Integer.parseInt(option(a, "--prompts", "1280"));
        int points = Integer.parseInt(option(a, "--points", "41"));
        int dims = Integer.parseInt(option(a, "--dims", "20"));
        int threads = Integer.parseInt(option(a, "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int warmup = Integer.parseInt(option(a, "--warmup", "16"));
        String only = option(a, "--baseline", null);
        int reps = Integer.parseInt(option(a, "--reps", "5"));
        double warmupSeconds = Double.parseDouble(option(a, "--warmup-seconds", "3"));
        PromptSampler sampler = new PromptSampler(Iclab.linearRegression(dims), Iclab.gaussian());
        PromptBatch batch = sampler.sample(Seeds.derive(0, Seeds.Stream.EVAL, 0), prompts, points, dims);
        PromptBatch warm = sampler.sample(Seeds.derive(1, Seeds.Stream.EVAL, 0), warmup, points, dims);
        List<Baseline> chosen = BASELINES.stream().filter(b -> only == null || b.learnerName().equals(only)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no baseline named " + only + "; known: "
                    + BASELINES.stream().map(Baseline::learnerName).toList());
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (Baseline baseline : chosen) {
                Learner learner = Learner.of(baseline);
                long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
                do { // until the JIT has compiled the learner's loops: a pass at least, then for warmupSeconds
                    run(pool, learner, warm);
                } while (System.nanoTime() < warmUntil);
                double[] walls = new double[reps];
                double[] cpus = new double[reps];
                double checksum = 0;
                for (int r = 0; r < reps; r++) {
                    long cpu0 = cpuNanos();
                    long t0 = System.nanoTime();
                    checksum = run(pool, learner, batch);
                    walls[r] = (System.nanoTime() - t0) / 1e9;
                    cpus[r] = (cpuNanos() - cpu0) / 1e9;
                }
                double first = walls[0];
                double wall = median(walls);
                double cpu = median(cpus);
                System.out.printf(Locale.ROOT, "RESULT baseline=%s prompts=%d points=%d dims=%d threads=%d reps=%d wall_s=%.4f first_wall_s=%.4f "
                                + "us_per_prefix=%.2f prompts_per_s=%.1f cpu_s=%.4f peak_rss_mb=%.0f mean_sq_error_last=%.4f%n", baseline.learnerName(),
                        prompts, points, dims, threads, reps, wall, first, wall * 1e6 / ((double) prompts * (points - 1)), prompts / wall, cpu,
                        peakRssMb(), checksum);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every prefix of every prompt, in parallel over prompts; returns the mean squared error at the last point. */
    private static double run(ForkJoinPool pool, Learner learner, PromptBatch batch) throws Exception {
        int last = batch.points() - 1;
        return pool.submit(() -> IntStream.range(0, batch.batch()).parallel()
                .mapToDouble(p -> {
                    double diff = learner.predictPrefixes(batch, p)[last] - batch.y(p, last);
                    return diff * diff;
                }).average().orElse(0)).get();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** CPU time of the whole process: on a shared machine, wall time alone says more about the neighbours. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }


}
