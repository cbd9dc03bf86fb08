package org.iclab.samples.benchmark;

import static org.iclab.samples.benchmark.BenchmarkSupport.option;
import static org.iclab.samples.benchmark.BenchmarkSupport.peakRssMb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iclab.Iclab;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Experiment;
import org.iclab.spec.task.Task;
import org.iclab.task.PromptBatch;
import org.iclab.task.PromptSampler;
import org.iclab.task.Seeds;

/**
 * Training-speed benchmark of the compiled graph, the same measurement as {@code shared/bench/pytorch_twin.py --bench}:
 * Garg et al.'s GPT-2 of a given size on linear regression, batch 64, Adam, {@code --warmup} steps, then
 * {@code --reps} timed repetitions of {@code --steps-per-rep} steps. Prints one {@code RESULT} line with the median
 * steps/second, the wall time and the peak resident memory of this process (run one configuration per JVM).
 *
 * <p>{@code --model} is a GPT-2 size (tiny, small, standard) or another architecture at about the tiny model's width:
 * attentionOnly (tiny without MLPs), linearAttention (3 layers, 64 wide, stacked prompts), looped (one tiny layer
 * applied 10 times, window 5), lstm and gru (2 layers of 64), retnet (3 layers, 2 heads, 64 wide), mamba (2 layers, 64
 * wide, state 16).
 *
 * <p>{@code --task NAME} trains another of Garg et al.'s function classes (default linearRegression); the task changes
 * the prompt sampler and, for linearClassification, the loss.
 *
 * <p>{@code --xla} compiles the step with XLA instead of running it through TensorFlow's graph executor.
 *
 * <p>{@code --profile} adds a breakdown of kernel time by TensorFlow op type over 20 traced steps, and the most
 * memory TensorFlow's allocators held during one of them. {@code --memory} prints where the resident memory is after
 * the timed steps (see {@link BenchmarkSupport#memoryBreakdown}; run with {@code -XX:NativeMemoryTracking=summary}
 * for the JVM's own accounts).
 *
 * <p>{@code --time-to-icl} instead trains the tiny model (d 5, 11 points, Adam 1e-3) until its error/d with 10
 * in-context examples, on 256 held-out prompts checked every 250 steps, is at most 0.1, and prints the steps and
 * wall time that took.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = Arrays.asList(args);
        String model = option(a, "--model", "tiny");
        int dims = Integer.parseInt(option(a, "--d", "5"));
        int points = Integer.parseInt(option(a, "--n", "11"));
        int threads = Integer.parseInt(option(a, "--threads", "2"));
        String task = option(a, "--task", "linearRegression");
        boolean xla = a.contains("--xla"); // default: TensorFlow's executor node by node
        long start = System.nanoTime();
        int warmup = Integer.parseInt(option(a, "--warmup", "10"));
        int reps = Integer.parseInt(option(a, "--reps", "5"));
        int stepsPerRep = Integer.parseInt(option(a, "--steps-per-rep", "50"));
        int together = Integer.parseInt(option(a, "--together", "1"));
        if (together > 1) { // models trained side by side in this one JVM, as a sweep's local points are
            List<Thread> threadsOf = new ArrayList<>();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < together; i++) {
                Thread t = new Thread(() -> {
                    try {
                        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                        speed(model, task, dims, points, threads, warmup, reps, stepsPerRep, xla, false, false,
                                new java.io.PrintStream(buffer, true));
                        lines.add(buffer.toString().trim());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                threadsOf.add(t);
                t.start();
            }
            for (Thread t : threadsOf) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (lines.size() != together) { // a model that failed would leave the sum short of what it claims
                throw new IllegalStateException((together - lines.size()) + " of the " + together + " models failed (see above)");
            }
            double sum = 0;
            for (String line : lines) {
                System.out.println(line);
                sum += Double.parseDouble(line.replaceAll(".* steps_per_s=([0-9.]+).*", "$1"));
            }
            System.out.printf(Locale.ROOT, "TOGETHER models=%d threads_each=%d steps_per_s_sum=%.2f peak_rss_mb=%.0f%n", together, threads, sum,
                    peakRssMb());
        } else if (a.contains("--time-to-icl")) {
            timeToIcl(threads, xla, Double.parseDouble(option(a, "--target", "0.1")), Integer.parseInt(option(a, "--max-steps", "20000")));
        } else {
            speed(model, task, dims, points, threads, warmup, reps, stepsPerRep, xla, a.contains("--profile"), a.contains("--memory"),
                    System.out);
        }
        System.out.printf(Locale.ROOT, "wall_s=%.1f peak_rss_mb=%.0f%n", (System.nanoTime() - start) / 1e9, peakRssMb());
    }

    private static Experiment experiment(String model, int dims, int points, int steps) {
        return experiment(model, "linearRegression", dims, points, steps);
    }

    /** {@code task} is one of Garg et al.'s function classes by its DSL name, with its default settings. */
    private static Experiment experiment(String model, String task, int dims, int points, int steps) {
        Task function = switch (task) {
            case "linearRegression" -> Iclab.linearRegression(dims);
            case "sparseLinearRegression" -> Iclab.sparseLinearRegression(dims);
            case "noisyLinearRegression" -> Iclab.noisyLinearRegression(dims);
            case "linearClassification" -> Iclab.linearClassification(dims);
            case "quadraticRegression" -> Iclab.quadraticRegression(dims);
            case "reluNetwork" -> Iclab.reluNetwork(dims);
            case "decisionTree" -> Iclab.decisionTree(dims);
            default -> throw new IllegalArgumentException("--task: unknown function class '" + task + "'");
        };
        // Architectures beside Garg's GPT-2 sizes, each at about the tiny model's width.
        org.iclab.spec.model.Model architecture = switch (model) {
            case "attentionOnly" -> new org.iclab.spec.model.Gpt2(3, 2, 64, 101, true, false);
            case "linearAttention" -> Iclab.linearAttention(3, 1, 64, false, 101);
            case "looped" -> Iclab.looped(Iclab.gpt2(b -> b.layers(1)), 10, 5, "add");
            case "lstm" -> Iclab.lstm(2, 64);
            case "gru" -> Iclab.gru(2, 64);
            case "retnet" -> Iclab.retnet(3, 2, 64);
            case "mamba" -> Iclab.mamba(2, 64, 16);
            default -> Iclab.gpt2(model);
        };
        org.iclab.spec.prompt.Prompt prompt = model.equals("linearAttention") ? Iclab.stacked(points) : Iclab.interleaved(points);
        return Iclab.experiment("bench").seed(0).task(function).prompt(prompt)
                .model(architecture).train(t -> t.steps(steps).batch(64).optimizer(Iclab.adam(1e-3))).build();
    }

    private static void speed(String model, String task, int dims, int points, int threads, int warmup, int reps, int stepsPerRep,
                              boolean xla, boolean profile, boolean memory, java.io.PrintStream out) throws IOException {
        Experiment e = experiment(model, task, dims, points, warmup + reps * stepsPerRep);
        PromptSampler sampler = PromptSampler.of(e);
        List<String> stages = new ArrayList<>();
        if (memory) {
            stages.add(BenchmarkSupport.stage("before_tensorflow"));
            org.iclab.engine.NativeLibraries.ensureLoaded();
            try (var probe = new org.tensorflow.Graph()) { // the engine's first use, no model yet
                stages.add(BenchmarkSupport.stage("tensorflow_loaded"));
            }
        }
        double[] rates = new double[reps];
        long sampling = 0; // nanoseconds spent drawing the timed steps' prompts
        long params;
        long flops;
        try (CompiledModel m = CompiledModel.compile(e, threads, xla)) {
            params = m.parameterCount();
            flops = m.flopsPerToken();
            if (memory) {
                stages.add(BenchmarkSupport.stage("compiled"));
            }
            long step = 1;
            for (; step <= warmup; step++) {
                m.trainStep(sampler.sample(Seeds.derive(0, Seeds.Stream.TRAIN, step), 64, points, dims), step);
                if (memory && step == 1) {
                    stages.add(BenchmarkSupport.stage("first_step"));
                }
            }
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < stepsPerRep; i++, step++) {
                    long s0 = System.nanoTime();
                    PromptBatch batch = sampler.sample(Seeds.derive(0, Seeds.Stream.TRAIN, step), 64, points, dims);
                    sampling += System.nanoTime() - s0;
                    m.trainStep(batch, step);
                }
                rates[r] = stepsPerRep / ((System.nanoTime() - t0) / 1e9);
            }
            if (memory) { // while the model is alive and has trained
                stages.add(BenchmarkSupport.stage("timed_steps"));
                stages.forEach(System.out::println);
                BenchmarkSupport.memoryBreakdown().forEach(System.out::println);
            }
        }
        if (profile) {
            try (CompiledModel m = CompiledModel.compile(e, threads, xla)) {
                for (long step = 1; step <= warmup; step++) {
                    m.trainStep(sampler.sample(Seeds.derive(0, Seeds.Stream.TRAIN, step), 64, points, dims), step);
                }
                java.util.Map<String, Long> total = new java.util.LinkedHashMap<>();
                int traced = 20;
                long allocatorPeak = 0;
                java.util.Map<String, Long> kept = java.util.Map.of();
                long tracedWall = 0;
                for (long step = warmup + 1; step <= warmup + traced; step++) {
                    long t0 = System.nanoTime();
                    CompiledModel.StepProfile stepProfile = m.profileTrainStep(
                            sampler.sample(Seeds.derive(0, Seeds.Stream.TRAIN, step), 64, points, dims), step);
                    stepProfile.microsByOpType().forEach((k, v) -> total.merge(k, v, Long::sum));
                    allocatorPeak = Math.max(allocatorPeak, stepProfile.allocatorPeakBytes());
                    kept = stepProfile.keptBytesByOpType();
                    tracedWall += System.nanoTime() - t0;
                }
                System.out.printf(Locale.ROOT, "memory tensorflow_allocator.step_peak %.0f%n", allocatorPeak / 1048576.0);
                System.out.printf(Locale.ROOT, "memory kept_for_backward %.0f MB, by the op type that made it:%n",
                        kept.values().stream().mapToLong(Long::longValue).sum() / 1048576.0);
                kept.entrySet().stream().limit(12).forEach(en -> System.out.printf(Locale.ROOT, "  %-22s %8.1f MB%n",
                        en.getKey(), en.getValue() / 1048576.0));
                long all = total.values().stream().mapToLong(Long::longValue).sum();
                // with one thread the kernels run one after another: what the step's wall time holds beyond their sum is
                // the executor's scheduling, feeds and fetches through JNI, and the trace itself
                System.out.printf(Locale.ROOT, "traced step: %.2f ms wall, %.2f ms of kernel time (summed over threads)%n",
                        tracedWall / 1e6 / traced, all / 1000.0 / traced);
                System.out.println("where the time goes (kernel time by op type, mean over " + traced + " traced steps):");
                total.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                        .forEach(en -> System.out.printf(Locale.ROOT, "  %-22s %8.2f ms/step %5.1f%%%n", en.getKey(),
                                en.getValue() / 1000.0 / traced, 100.0 * en.getValue() / all));
            }
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "RESULT iclab model=%s task=%s d=%d n=%d batch=64 threads=%d xla=%s params=%d flops_per_token=%d steps_per_s=%.2f "
                        + "sampling_ms_per_step=%.3f peak_rss_mb=%.0f reps=%s%n",
                model, task, dims, points, threads, xla, params, flops, sorted[reps / 2], sampling / 1e6 / (reps * stepsPerRep), peakRssMb(),
                Arrays.toString(rates));
    }

    private static void timeToIcl(int threads, boolean xla, double target, int maxSteps) {
        Experiment e = experiment("tiny", 5, 11, maxSteps);
        PromptSampler sampler = PromptSampler.of(e);
        PromptBatch held = new Evaluator(e).prompts().slice(0, 256);
        long t0 = System.nanoTime();
        List<String> curve = new ArrayList<>();
        try (CompiledModel m = CompiledModel.compile(e, threads, xla)) {
            for (long step = 1; step <= maxSteps; step++) {
                m.trainStep(sampler.sample(Seeds.derive(0, Seeds.Stream.TRAIN, step), 64, 11, 5), step);
                if (step % 250 == 0) {
                    float[] pred = m.predict(held);
                    double err = 0;
                    for (int p = 0; p < held.batch(); p++) {
                        double diff = pred[p * 11 + 10] - held.y(p, 10);
                        err += diff * diff / 5 / held.batch();
                    }
                    curve.add(String.format(Locale.ROOT, "%d:%.3f", step, err));
                    if (err <= target) {
                        System.out.printf(Locale.ROOT, "RESULT iclab time_to_icl steps=%d wall_s=%.1f error_at_k10=%.4f target=%.2f%n",
                                step, (System.nanoTime() - t0) / 1e9, err, target);
                        System.out.println("curve " + String.join(" ", curve));
                        return;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT iclab time_to_icl not reached in %d steps (%.1f s)%n", maxSteps, (System.nanoTime() - t0) / 1e9);
        System.out.println("curve " + String.join(" ", curve));
    }


}
