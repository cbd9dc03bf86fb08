package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.Diagnostic;
import org.iclab.dsl.ScriptException;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.sweep.Parallelism;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab run SCRIPT... [--set path=value]... [--out DIR] [--parallel P]}: trains and evaluates every declared
 * experiment, in order, or P at a time.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Train and evaluate every experiment of the scripts (or spec.json files), in order.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ScriptArguments arguments;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run directory (new or empty); with several experiments, DIR/<experiment name>. Default: runs/<name>-<time>.")
    Path out;

    @Mixin
    Engine engine;

    @Option(names = "--parallel", paramLabel = "P",
            description = "With several experiments, run P at once (default 1: one after another); the threads are split between them.")
    Integer parallel;

    @Override
    public Integer call() {
        List<DeclaredExperiment> declared = arguments.declared();
        declared.forEach(CheckCommand::sweepPoints); // nothing runs while any part of a script is wrong
        if (out != null && declared.size() > 1) {
            Map<String, DeclaredExperiment> names = new HashMap<>();
            for (DeclaredExperiment d : declared) {
                DeclaredExperiment twin = names.putIfAbsent(d.experiment().name(), d);
                if (twin != null) {
                    throw new UserError(d.location() + ": experiment name '" + d.experiment().name() + "' is also declared at "
                            + twin.location() + "; with --out each experiment needs its own name (DIR/<name>)");
                }
            }
        }
        Parallelism at = Parallelism.of("run", parallel == null ? 1 : parallel, engine.threads, declared.size(),
                Runtime.getRuntime().availableProcessors());
        if (at.runs() == 1 || declared.size() == 1) {
            for (DeclaredExperiment d : declared) {
                run(d, dirOf(d, declared.size()), null, null);
            }
            return 0;
        }
        main.out.println("run: " + declared.size() + " experiments, " + at.describe());
        ExecutorService pool = Executors.newFixedThreadPool(at.runs());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (DeclaredExperiment d : declared) {
                runs.add(pool.submit(() -> run(d, dirOf(d, declared.size()), at.threadsEach(), d.experiment().name())));
            }
            RuntimeException first = null;
            for (Future<?> f : runs) { // every run goes on to its end; the first failure is reported after them
                try {
                    f.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    first = first == null ? cause : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("run: interrupted");
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private Path dirOf(DeclaredExperiment d, int experiments) {
        return experiments == 1 ? out : out == null ? null : out.resolve(d.experiment().name());
    }

    /**
     * Runs one experiment; {@code threads} (else the engine's choice) and, for runs side by side, a {@code prefix}
     * naming the experiment on each of its progress lines, and its results printed as one block.
     */
    private void run(DeclaredExperiment d, Path dir, Integer threads, String prefix) {
        Experiment e = d.experiment();
        synchronized (main.out) {
            main.out.println(header(d));
        }
        Progress progress = new Progress(main.out, prefix == null && main.terminal, prefix);
        RunOptions.Builder options = engine.applyTo(RunOptions.builder().out(dir).listener(progress));
        if (threads != null) {
            options.threads(threads);
        }
        RunResult result;
        try {
            result = main.runner.run(e, options.build());
        } catch (SpecException problems) {
            progress.finish();
            throw new ScriptException(problems.problems().stream()
                    .map(p -> new Diagnostic(d.source(), d.line(), p.message())).toList(), problems);
        }
        progress.finish();
        synchronized (main.out) {
            printResult(main, result);
        }
    }

    /** What a finished run prints: its error table, its probe table where probes ran, and its directory. */
    static void printResult(Main main, RunResult result) {
        ErrorTable.lines(result).forEach(main.out::println);
        if (result.probes() != null) {
            ProbeTable.lines(result.probes(), result.experiment().task()).forEach(main.out::println);
        }
        main.out.println("run directory: " + result.directory());
        main.out.flush();
    }

    private static String header(DeclaredExperiment d) {
        Experiment e = d.experiment();
        String model = e.model().summary() != null ? e.model().summary() : org.iclab.dsl.Reference.render(e.model());
        return String.format(Locale.ROOT, "%s (%s): %s; %d steps of batch %d", e.name(), d.location(), model, e.train().steps(), e.train().batch());
    }
}
