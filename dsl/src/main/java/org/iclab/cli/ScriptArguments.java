package org.iclab.cli;

import org.iclab.sweep.Overrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclab.dsl.DeclaredExperiment;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scripts (or spec.json files) and {@code --set} overrides that {@code run} and {@code check} both take. */
final class ScriptArguments {
    @Parameters(arity = "1..*", paramLabel = "SCRIPT", description = "Groovy scripts, or spec.json files of earlier runs.")
    List<Path> scripts;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a setting by its spec.json path, e.g. train.steps=100.")
    List<String> sets = new ArrayList<>();

    /** Every experiment the scripts declare, in order, with the overrides applied (and validated). */
    List<DeclaredExperiment> declared() {
        Overrides overrides = new Overrides(sets);
        List<DeclaredExperiment> declared = new ArrayList<>();
        for (DeclaredExperiment d : Sources.load(scripts)) {
            declared.add(d.with(overrides.apply(d.experiment())));
        }
        return declared;
    }
}
