package org.iclab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iclab.dsl.DeclaredExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code iclab check SCRIPT...}: builds and validates every experiment, without starting TensorFlow. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Build and validate every experiment of the scripts (or spec.json files), without training.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "SCRIPT", description = "Groovy scripts or spec.json files.")
    List<Path> scripts;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a setting by its spec.json path, e.g. train.steps=100.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        Overrides overrides = new Overrides(sets);
        for (DeclaredExperiment d : Sources.load(scripts)) {
            overrides.apply(d.experiment());
            main.out.println("ok  " + d.experiment().name() + "  (" + d.location() + ")");
        }
        return 0;
    }
}
