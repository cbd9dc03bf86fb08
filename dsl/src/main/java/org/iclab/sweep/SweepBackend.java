package org.iclab.sweep;

import org.iclab.dsl.UserError;
import java.io.PrintWriter;
import java.util.ServiceLoader;

/**
 * Where the points of a sweep run, other than this machine's threads: {@code --on NAME}. A backend gives the
 * {@link Runner} that runs one point (a whole run into its folder, blocking until it is done); the sweep keeps
 * its statuses, tables and figures as for a local sweep. Backends are found with {@link ServiceLoader} on the class
 * path, so the core has none of their dependencies: the Spark backend lives in the optional module {@code dsl/spark}.
 */
public interface SweepBackend {
    /** The name {@code --on} takes. */
    String name();

    /**
     * Starts the backend for a sweep of up to {@code parallel} points at a time, each point's run taking
     * {@code threads} threads; messages go to {@code out}.
     */
    Session open(int parallel, int threads, PrintWriter out);

    /** A started backend: its runner, and how it is stopped. */
    interface Session extends AutoCloseable {
        Runner runner();

        @Override
        void close();
    }

    /** The backend named {@code name} on the class path, or a user error naming those there are and how to add Spark's. */
    static SweepBackend named(String name) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (SweepBackend b : ServiceLoader.load(SweepBackend.class)) {
            if (b.name().equals(name)) {
                return b;
            }
            found.add(b.name());
        }
        throw new UserError("sweep: --on " + name + " needs its module on the class path (found: "
                + (found.isEmpty() ? "none" : String.join(", ", found)) + "); for spark, build it with "
                + "./mvnw -q install -DskipTests -pl dsl/spark -am, and ./iclab adds dsl/spark/target to the class path");
    }
}
