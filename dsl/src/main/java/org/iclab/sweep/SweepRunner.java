package org.iclab.sweep;

import org.iclab.dsl.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.iclab.RunOptions;
import org.iclab.dsl.SweepAxes;
import org.iclab.io.AtomicFiles;
import org.iclab.io.Json;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.train.Checkpoints;

/**
 * Runs the points of a sweep on this machine, {@code parallel} at a time, each an ordinary run directory
 * {@code DIR/<point name>}. A point whose folder already holds the same experiment, evaluated and exported, is
 * skipped; one with a checkpoint is resumed from it; one without is started afresh. A point that fails is reported
 * and the others go on. After every point, {@code sweep.json} (the axes and each point's status) and
 * {@code sweep.csv} (the axis values beside each finished point's eval.csv rows) are rewritten atomically, and a
 * progress line is printed.
 */
public final class SweepRunner {
    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_CSV = "sweep.csv";

    /** What became of a point. */
    public enum Status { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    /** One point's state, as sweep.json records it. */
    public static final class State {
        final Sweep.Point point;
        Status status = Status.PENDING;
        boolean resumed;
        String error;
        double seconds;

        /** The point. */
        public Sweep.Point point() {
            return point;
        }

        /** Where it stands. */
        public Status status() {
            return status;
        }

        /** Why it failed, or null. */
        public String error() {
            return error;
        }

        /** How long its run took in this sweep (0 where it did not run). */
        public double seconds() {
            return seconds;
        }

        State(Sweep.Point point) {
            this.point = point;
        }
    }

    private final Path dir;
    private final String experiment;
    private final SweepAxes axes;
    private final List<State> states = new ArrayList<>();
    private final Runner runner;
    private final PrintWriter out;
    private final int parallel;
    private final int threads;
    private final Integer atK;
    private final boolean xla;
    private java.util.function.Consumer<List<State>> listener;

    public SweepRunner(Path dir, String experiment, SweepAxes axes, List<Sweep.Point> points, Runner runner, PrintWriter out,
                int parallel, int threads, Integer atK, boolean xla) {
        this.atK = atK;
        this.xla = xla;
        this.dir = dir;
        this.experiment = experiment;
        this.axes = axes;
        points.forEach(p -> states.add(new State(p)));
        this.runner = runner;
        this.out = out;
        this.parallel = parallel;
        this.threads = threads;
    }

    /**
     * Calls {@code listener} with the states (in point order, as they stand) each time a point changes, instead of
     * printing the sweep's own progress line; returns this runner.
     */
    public SweepRunner onChange(java.util.function.Consumer<List<State>> listener) {
        this.listener = listener;
        return this;
    }

    /** How many of {@code points} still have to run in {@code dir}: those whose folders do not hold a finished run. */
    public static int pending(Path dir, List<Sweep.Point> points) {
        return (int) points.stream().filter(p -> !RunDirectory.isComplete(dir.resolve(p.name()))).count();
    }

    /** Runs every point not yet done, {@code parallel} at a time; returns the states, in point order. */
    public List<State> run() {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            return run(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs every point not yet done on {@code pool}, which other sweeps may share (a reproduction's experiments run
     * on one pool); returns the states, in point order, once this sweep's points are over.
     */
    public List<State> run(ExecutorService pool) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("sweep: cannot create the sweep directory " + dir + " (" + e.getMessage() + ")");
        }
        for (State s : states) {
            String problem = inspect(s);
            if (problem != null) {
                s.status = Status.FAILED;
                s.error = problem;
            }
        }
        record();
        List<Future<?>> running = new ArrayList<>();
        for (State s : states) {
            if (s.status == Status.PENDING) {
                running.add(pool.submit(() -> runPoint(s)));
            }
        }
        try {
            for (Future<?> f : running) {
                f.get(); // runPoint records its own failures; points of a sweep may run for days
            }
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep point's task failed outside its run", e.getCause());
        }
        List<SweepTable.Row> rows = record();
        List<Path> figures = List.of();
        try {
            figures = SweepTable.writeFigures(dir, paths(), rows, atK);
            for (Path figure : figures) {
                out.println("figure: " + figure);
            }
        } catch (IOException | RuntimeException e) { // a figure must not cost the sweep its table
            out.println("sweep " + experiment + ": could not draw the figures (" + e.getMessage() + ")");
        }
        try {
            SweepTable.writeReport(dir, "sweep " + experiment, paths(), rows, atK, figures);
            out.println("report: " + dir.resolve(org.iclab.report.RunReport.FILE));
        } catch (RuntimeException e) { // nor the report
            out.println("sweep " + experiment + ": could not write the report (" + e.getMessage() + ")");
        }
        out.flush();
        return List.copyOf(states);
    }

    /**
     * What the point's folder already holds: null where the point should run (nothing yet, or a checkpoint to resume
     * from, marked by {@code resumed}), SKIPPED where it is complete; a problem where the folder is not this point's.
     */
    private String inspect(State s) {
        Path pointDir = dir.resolve(s.point.name());
        Path spec = pointDir.resolve(RunDirectory.SPEC);
        if (!Files.exists(pointDir)) {
            return null;
        }
        if (!Files.isRegularFile(spec)) {
            try (var list = Files.list(pointDir)) {
                return list.findAny().isEmpty() ? null : pointDir + " holds files but no " + RunDirectory.SPEC + ": not a run of this sweep; move it away";
            } catch (IOException e) {
                return "cannot read " + pointDir + " (" + e.getMessage() + ")";
            }
        }
        Experiment recorded;
        try {
            recorded = Json.readExperiment(spec);
        } catch (RuntimeException e) {
            return spec + " cannot be read (" + e.getMessage() + "); move the folder away";
        }
        if (!recorded.equals(s.point.experiment())) {
            return pointDir + " holds a run of another experiment (spec hash " + hash(recorded) + ", this point's "
                    + hash(s.point.experiment()) + "); move it away or sweep into another folder";
        }
        if (RunDirectory.isComplete(pointDir)) {
            s.status = Status.SKIPPED;
        } else if (new Checkpoints(pointDir.resolve(RunDirectory.CHECKPOINT)).latest().isPresent()) {
            s.resumed = true;
        } else {
            try { // started, but killed before its first checkpoint: nothing to keep
                AtomicFiles.deleteTree(pointDir);
            } catch (IOException e) {
                return "cannot clear " + pointDir + ", which holds no checkpoint (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    private void runPoint(State s) {
        synchronized (this) {
            s.status = Status.RUNNING;
        }
        record();
        long start = System.nanoTime();
        Path pointDir = dir.resolve(s.point.name());
        try {
            RunOptions.Builder options = RunOptions.builder().threads(threads).xla(xla); // a resumed point keeps its own
            if (s.resumed) {
                options.resume(pointDir);
            } else {
                options.out(pointDir);
            }
            runner.run(s.point.experiment(), options.build());
            synchronized (this) {
                s.seconds = (System.nanoTime() - start) / 1e9; // with the status: a listener seeing DONE sees its time
                s.status = Status.DONE;
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                s.status = Status.FAILED;
                s.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        } finally {
            synchronized (this) {
                if (s.status != Status.DONE) {
                    s.seconds = (System.nanoTime() - start) / 1e9;
                }
            }
            record();
        }
    }

    /** Rewrites sweep.json and sweep.csv and prints the progress line; returns sweep.csv's rows. */
    private synchronized List<SweepTable.Row> record() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", experiment);
        json.put("axes", axes.axes());
        json.put("zips", axes.zips());
        List<Map<String, Object>> points = new ArrayList<>();
        int[] counts = new int[Status.values().length];
        for (State s : states) {
            counts[s.status.ordinal()]++;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", s.point.name());
            p.put("values", s.point.values());
            p.put("status", s.status.name().toLowerCase(java.util.Locale.ROOT));
            p.put("resumed", s.resumed);
            p.put("spec_hash", hash(s.point.experiment()));
            if (s.seconds > 0) {
                p.put("seconds", Math.round(s.seconds * 10) / 10.0);
            }
            if (s.error != null) {
                p.put("error", s.error);
            }
            points.add(p);
        }
        json.put("points", points);
        List<SweepTable.Row> rows;
        try {
            AtomicFiles.write(dir.resolve(SWEEP_JSON), Json.write(json));
            rows = SweepTable.gather(dir, states.stream()
                    .filter(s -> s.status == Status.DONE || s.status == Status.SKIPPED).map(s -> s.point).toList());
            SweepTable.writeCsv(dir.resolve(SWEEP_CSV), paths(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sweep's table in " + dir, e);
        }
        if (listener != null) {
            listener.accept(List.copyOf(states));
        } else {
            out.printf(java.util.Locale.ROOT, "sweep %s: %d of %d done, %d running, %d failed, %d skipped%n", experiment,
                    counts[Status.DONE.ordinal()], states.size(), counts[Status.RUNNING.ordinal()], counts[Status.FAILED.ordinal()],
                    counts[Status.SKIPPED.ordinal()]);
            out.flush();
        }
        return rows;
    }

    private List<String> paths() {
        return axes.axes().stream().map(SweepAxes.Axis::path).toList();
    }

    /** SHA-256 of the experiment's spec.json text, the first 16 hex digits. */
    static String hash(Experiment experiment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(experiment).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
