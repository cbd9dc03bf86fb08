package org.iclab.cli;

import org.iclab.sweep.Sweep;
import org.iclab.dsl.UserError;
import java.util.concurrent.Callable;
import org.iclab.dsl.DeclaredExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab check SCRIPT...}: builds and validates every experiment, and every point of a script's sweep block,
 * without starting TensorFlow.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Build and validate every experiment of the scripts (or spec.json files), without training.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ScriptArguments arguments;

    @Override
    public Integer call() {
        for (DeclaredExperiment d : arguments.declared()) {
            int points = sweepPoints(d);
            main.out.println("ok  " + d.experiment().name() + "  (" + d.location() + (points > 0 ? ", " + points + " sweep points" : "") + ")");
        }
        return 0;
    }

    /**
     * Builds and validates every point of the script's sweep block (0 without one): a script whose sweep block is
     * wrong is a wrong script, also for {@code run}, which trains the experiment as declared.
     */
    static int sweepPoints(DeclaredExperiment d) {
        if (d.sweep().isEmpty()) {
            return 0;
        }
        try {
            return Sweep.expand(d.experiment(), d.sweep()).size();
        } catch (UserError e) {
            throw new UserError(d.location() + ": " + e.getMessage(), e);
        }
    }
}
