package org.iclab.cli;

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
            String sweep = "";
            if (!d.sweep().isEmpty()) { // the script's sweep block: every point is built and validated
                try {
                    sweep = ", " + Sweep.expand(d.experiment(), d.sweep()).size() + " sweep points";
                } catch (UserError e) {
                    throw new UserError(d.location() + ": " + e.getMessage(), e);
                }
            }
            main.out.println("ok  " + d.experiment().name() + "  (" + d.location() + sweep + ")");
        }
        return 0;
    }
}
