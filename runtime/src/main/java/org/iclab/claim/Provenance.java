package org.iclab.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and how a run or a reproduction was made: the source commit and whether its tree had changes, the CPU model,
 * the TensorFlow threads, the JVM and TensorFlow versions, when, and how long it took. Results of one seed are
 * identical on one machine and differ across CPUs at float rounding; this says which machine.
 *
 * @param commit      the source commit, or {@code unknown}
 * @param dirty       whether the source tree had uncommitted changes (null where unknown)
 * @param cpu         the CPU model
 * @param threads     TensorFlow threads
 * @param java        the JVM version
 * @param tensorflow  the TensorFlow version
 * @param date        when it finished (UTC, to the second)
 * @param wallSeconds how long it took
 */
public record Provenance(String commit, Boolean dirty, String cpu, int threads, String java, String tensorflow, String date,
                        double wallSeconds) {
    /** Provenance of something that finished now on this machine. */
    public static Provenance here(String commit, Boolean dirty, int threads, double wallSeconds) {
        return new Provenance(commit, dirty, cpuModel(), threads, System.getProperty("java.version"),
                org.iclab.engine.NativeLibraries.tensorflowVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), wallSeconds);
    }

    /**
     * Provenance of the run in {@code runDir}, which finished now: its CPU, threads, JVM and TensorFlow as the run
     * recorded them in its env.json (on whichever machine ran it: a Spark executor's, not the driver's), else this
     * machine's; a resumed run's wall time is that of its last part.
     */
    public static Provenance ofRun(Path runDir, String commit, Boolean dirty, double wallSeconds) {
        Provenance here = here(commit, dirty, 0, wallSeconds);
        try {
            com.fasterxml.jackson.databind.JsonNode env = org.iclab.io.Json.MAPPER.readTree(runDir.resolve("env.json").toFile());
            return new Provenance(commit, dirty, env.path("cpu").asText(here.cpu()), env.path("threads").asInt(0),
                    env.path("java").asText(here.java()), env.path("tensorflow").asText(here.tensorflow()), here.date(), wallSeconds);
        } catch (IOException | RuntimeException e) {
            return here; // a run without env.json (a stand-in in tests): this machine's
        }
    }

    /** The CPU model Linux names in /proc/cpuinfo, else the architecture. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
