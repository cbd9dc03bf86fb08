package org.iclab.cli;

import java.util.concurrent.Callable;
import org.iclab.dsl.DeclaredExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code iclab check SCRIPT...}: builds and validates every experiment, without starting TensorFlow. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Build and validate every experiment of the scripts (or spec.json files), without training.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ScriptArguments arguments;

    @Override
    public Integer call() {
        for (DeclaredExperiment d : arguments.declared()) {
            main.out.println("ok  " + d.experiment().name() + "  (" + d.location() + ")");
        }
        return 0;
    }
}
