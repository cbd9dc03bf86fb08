package org.iclab.cli;

import org.iclab.sweep.Parallelism;
import org.iclab.sweep.SweepBackend;
import org.iclab.sweep.SweepRunner;
import org.iclab.sweep.Sweep;
import org.iclab.dsl.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.SweepAxes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab sweep SCRIPT [--axis PATH=VALUES]... [--zip PATH,PATH]... [--out DIR] [--parallel P] [--threads N]}: runs one
 * experiment per point of the axes (the script's {@code sweep} block and the command line's, crossed), each point a
 * run directory under the sweep's folder, and gathers them into sweep.csv, sweep.json and figures. Every point is
 * validated before anything runs; running the same command again skips the finished points and resumes the others.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run an experiment at every point of its axes (resumable), gathered into sweep.csv, sweep.json and figures.")
final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ScriptArguments arguments;

    @Option(names = "--axis", paramLabel = "PATH=VALUES",
            description = "An axis: a spec.json path and comma-separated values, ranges (0..4), powers (2^1..2^10) or inf.")
    List<String> axisOptions = new ArrayList<>();

    @Option(names = "--zip", paramLabel = "PATH,PATH...", description = "Axes whose i-th values go together instead of being crossed.")
    List<String> zipOptions = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "The sweep's folder (default: runs/<name>-sweep; with several experiments, DIR/<name>). The same folder resumes.")
    Path out;

    @Option(names = "--parallel", paramLabel = "P", description = "Points run at once (default: as many as threads, one thread each, or all of them "
            + "where the last round would be at most half full, at most " + Parallelism.RUNS_PER_THREAD + " a thread; with --threads 1, one); "
            + "the threads are split between them.")
    Integer parallel;

    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads in all (default: the available processors).")
    Integer threads;

    @Option(names = "--at-k", paramLabel = "K", description = "The k the figures show the error at (default: the largest).")
    Integer atK;

    @Option(names = "--xla", description = "Compile each point's model with XLA (as run --xla); local sweeps only.")
    boolean xla;

    @Option(names = "--on", paramLabel = "BACKEND",
            description = "Where the points run: local (this machine's threads, the default) or spark (one Spark task a point; the dsl/spark module).")
    String on = "local";

    @Override
    public Integer call() {
        if (xla && !"local".equals(on)) {
            throw new UserError("sweep: --xla runs local sweeps only; the points of --on " + on + " use TensorFlow's executor");
        }
        SweepAxes command = new SweepAxes(parseAxes(), zipOptions.stream().map(z -> List.of(z.split(","))).toList());
        List<DeclaredExperiment> declared = arguments.declared();
        List<List<Sweep.Point>> expanded = new ArrayList<>();
        List<SweepAxes> axesOf = new ArrayList<>();
        for (DeclaredExperiment d : declared) { // every point of every experiment is checked before anything runs
            SweepAxes axes = d.sweep().and(command);
            try {
                expanded.add(Sweep.expand(d.experiment(), axes));
            } catch (UserError e) {
                throw new UserError(d.location() + ": " + e.getMessage(), e);
            }
            axesOf.add(axes);
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            pending.add(SweepRunner.pending(dirOf(declared, i), expanded.get(i)));
        }
        Parallelism at = Parallelism.of("sweep", parallel, threads, pending.stream().mapToInt(Integer::intValue).max().orElse(1),
                Runtime.getRuntime().availableProcessors());
        SweepBackend.Session session = "local".equals(on) ? null : SweepBackend.named(on).open(at.runs(), at.threadsEach(), main.out);
        try {
            return runAll(declared, expanded, axesOf, at, session == null ? main.runner : session.runner());
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private int runAll(List<DeclaredExperiment> declared, List<List<Sweep.Point>> expanded, List<SweepAxes> axesOf, Parallelism at,
                       org.iclab.sweep.Runner runner) {
        boolean failed = false;
        for (int i = 0; i < declared.size(); i++) {
            String name = declared.get(i).experiment().name();
            Path dir = dirOf(declared, i);
            main.out.println("sweep " + name + " (" + declared.get(i).location() + "): " + expanded.get(i).size() + " points in " + dir
                    + ", " + at.describe() + ", on " + on);
            var states = new SweepRunner(dir, name, axesOf.get(i), expanded.get(i), runner, main.out, at.runs(), at.threadsEach(), atK, xla).run();
            for (var s : states) {
                if (s.status() == SweepRunner.Status.FAILED) {
                    failed = true;
                    main.err.println("failed: " + dir.resolve(s.point().name()) + " (" + Sweep.label(s.point().values()) + "): " + s.error());
                }
            }
            main.out.println("sweep directory: " + dir);
        }
        main.out.flush();
        main.err.flush();
        return failed ? Main.INTERNAL_ERROR : 0;
    }

    /** The folder of the i-th experiment's sweep. */
    private Path dirOf(List<DeclaredExperiment> declared, int i) {
        String name = declared.get(i).experiment().name();
        return out == null ? Path.of("runs", name + "-sweep") : declared.size() == 1 ? out : out.resolve(name);
    }

    private List<SweepAxes.Axis> parseAxes() {
        List<SweepAxes.Axis> axes = new ArrayList<>();
        for (String option : axisOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--axis expects PATH=VALUES, e.g. --axis train.pool.tasks=2^1..2^5,inf; was '" + option + "'");
            }
            try {
                axes.add(new SweepAxes.Axis(option.substring(0, eq).strip(), SweepAxes.values(option.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new UserError("--axis " + option + ": " + e.getMessage());
            }
        }
        return axes;
    }
}
