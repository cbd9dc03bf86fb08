package org.iclab.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.iclab.Iclab;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.sweep.Runner;
import org.iclab.sweep.SweepBackend;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.spec.Experiment;

/**
 * The Spark backend of sweeps ({@code ./iclab sweep SCRIPT --on spark}): each point is one Spark job of one task,
 * which runs the point's experiment on an executor; the sweep submits up to {@code --parallel} of them at once from
 * its threads, and keeps its statuses, tables and figures on the driver as for a local sweep.
 * <ul>
 * <li>The master comes from Spark's own configuration ({@code spark-submit --master ...}, or {@code spark.master});
 * without one, {@code local[P]} with P = {@code --parallel}.</li>
 * <li>By default every executor writes the point's run directory at the same path, on a filesystem the driver
 * shares. With {@code spark.iclab.copyBack=true} the executor runs into a folder of its own and sends the run
 * directory's files back, which the driver writes into the sweep's folder (a resumed point's files go out the same
 * way).</li>
 * <li>A point's failure comes back as its error text, so the sweep reports it like a local failure, and Spark does
 * not retry a deterministic failure.</li>
 * </ul>
 */
public final class SparkSweeps implements SweepBackend {
    /** Spark configuration key: send run directories back to the driver instead of sharing a filesystem. */
    public static final String COPY_BACK = "spark.iclab.copyBack";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(int parallel, int threads, PrintWriter out) {
        SparkConf conf = new SparkConf().setAppName("iclab sweep")
                .setIfMissing("spark.master", "local[" + parallel + "]")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.task.maxFailures", "1");
        JavaSparkContext sc = new JavaSparkContext(conf);
        boolean copyBack = conf.getBoolean(COPY_BACK, false);
        out.println("spark: master " + sc.master() + (copyBack ? ", run directories copied back to the driver" : ", shared filesystem"));
        out.flush();
        return new Session() {
            @Override
            public Runner runner() {
                return (experiment, options) -> run(sc, experiment, options, threads, copyBack);
            }

            @Override
            public void close() {
                sc.stop();
            }
        };
    }

    /** Runs one point as a one-task Spark job and waits for it; throws with the executor's error where it failed. */
    static RunResult run(JavaSparkContext sc, Experiment experiment, RunOptions options, int threads, boolean copyBack) {
        Path dir = (options.resume() != null ? options.resume() : options.out()).toAbsolutePath();
        Map<String, byte[]> existing = copyBack && options.resume() != null ? files(dir) : Map.of();
        PointTask task = new PointTask(Json.write(experiment), dir.toString(), options.resume() != null, threads, copyBack, existing);
        sc.setJobDescription("iclab point " + dir.getFileName());
        List<PointOutcome> outcomes = sc.parallelize(List.of(task), 1).map(PointTask::call).collect();
        PointOutcome outcome = outcomes.get(0);
        if (outcome.error() != null) {
            throw new IllegalStateException(outcome.error() + " (on Spark executor " + outcome.host() + ")");
        }
        if (copyBack) {
            write(dir, outcome.files());
        }
        return new RunResult(experiment, dir, List.of(), List.of(), 0, outcome.seconds());
    }

    /** One point's run, as Spark ships it: the experiment as spec.json text, where it runs, and how. */
    record PointTask(String spec, String dir, boolean resume, int threads, boolean copyBack, Map<String, byte[]> existing)
            implements Serializable {
        PointOutcome call() {
            long start = System.nanoTime();
            String host = host();
            Path runDir = Path.of(dir);
            Path local = null;
            try {
                if (copyBack) { // run in a folder of this executor's own, holding what the driver sent of a started run
                    local = Files.createTempDirectory("iclab-point-");
                    runDir = local.resolve(Path.of(dir).getFileName().toString());
                    write(runDir, existing);
                }
                RunOptions.Builder options = RunOptions.builder().threads(threads);
                if (resume) {
                    options.resume(runDir);
                } else {
                    options.out(runDir);
                }
                Iclab.run(Json.readExperiment(spec, dir + "/spec.json"), options.build());
                return new PointOutcome(null, host, (System.nanoTime() - start) / 1e9, copyBack ? files(runDir) : Map.of());
            } catch (IOException e) {
                return new PointOutcome("IOException: " + e.getMessage(), host, (System.nanoTime() - start) / 1e9, Map.of());
            } catch (RuntimeException | Error e) {
                return new PointOutcome(e.getClass().getSimpleName() + ": " + e.getMessage(), host, (System.nanoTime() - start) / 1e9, Map.of());
            } finally {
                if (local != null) {
                    try {
                        AtomicFiles.deleteTree(local);
                    } catch (IOException ignored) {
                        // a temporary folder left behind costs disk only
                    }
                }
            }
        }
    }

    /** What came back from an executor: the error (null where the point ran), the host, and the files copied back. */
    record PointOutcome(String error, String host, double seconds, Map<String, byte[]> files) implements Serializable {
    }

    /** Every file under {@code root}, by its path relative to it ('/'-separated). */
    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run directory " + root, e);
        }
        return files;
    }

    /** Writes {@code files} under {@code root}, each atomically. */
    static void write(Path root, Map<String, byte[]> files) {
        try {
            Files.createDirectories(root);
            for (var f : files.entrySet()) {
                Path target = root.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                AtomicFiles.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run directory " + root, e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
