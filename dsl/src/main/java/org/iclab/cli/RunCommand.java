package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.Diagnostic;
import org.iclab.dsl.ScriptException;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code iclab run SCRIPT... [--set path=value]... [--out DIR]}: trains and evaluates every declared experiment in order. */
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
        for (DeclaredExperiment d : declared) {
            run(d, declared.size() == 1 ? out : out == null ? null : out.resolve(d.experiment().name()));
        }
        return 0;
    }

    private void run(DeclaredExperiment d, Path dir) {
        Experiment e = d.experiment();
        main.out.println(header(d));
        Progress progress = new Progress(main.out, main.terminal);
        RunOptions.Builder options = engine.applyTo(RunOptions.builder().out(dir).listener(progress));
        RunResult result;
        try {
            result = main.runner.run(e, options.build());
        } catch (SpecException problems) {
            progress.finish();
            throw new ScriptException(problems.problems().stream()
                    .map(p -> new Diagnostic(d.source(), d.line(), p.message())).toList(), problems);
        }
        progress.finish();
        printResult(main, result);
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
