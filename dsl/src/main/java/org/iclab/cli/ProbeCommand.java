package org.iclab.cli;

import org.iclab.dsl.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iclab.Iclab;
import org.iclab.dsl.DeclaredExperiment;
import org.iclab.dsl.Reference;
import org.iclab.probe.ProbeResults;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab probe RUN_DIR SCRIPT}: runs the probes a script declares on a saved run. The run's model is restored
 * from its latest checkpoint and its spec.json stays as it is; the script supplies only its {@code probes} block,
 * and must declare the run's task, inputs, prompt and model (the probes read that model, and their targets and
 * layers are declared for it). probes.csv, probes.json and the probe figures are (re)written in RUN_DIR.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Run a script's probes on a saved run: restore RUN_DIR's model from its latest checkpoint and write"
                + " probes.csv, probes.json and plots/ there.")
final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holding spec.json and checkpoint/).")
    Path run;

    @Parameters(index = "1", paramLabel = "SCRIPT", description = "A script whose experiment declares probes { }.")
    Path script;

    @Mixin
    Engine engine;

    @Override
    public Integer call() {
        Experiment recorded = Sources.recordedRun("probe", run);
        DeclaredExperiment d = choose(Sources.load(script), recorded);
        List<String> differs = new ArrayList<>();
        compare("task", d.experiment().task(), recorded.task(), differs);
        compare("inputs", d.experiment().inputs(), recorded.inputs(), differs);
        compare("prompt", d.experiment().prompt(), recorded.prompt(), differs);
        compare("model", d.experiment().model(), recorded.model(), differs);
        if (!differs.isEmpty()) {
            throw new UserError(d.location() + ": experiment '" + d.experiment().name() + "' differs from the run in " + run
                    + " in " + String.join("; ", differs) + ". Probes read the run's model, so the script must declare the run's"
                    + " task, inputs, prompt and model (only its probes block is used)");
        }
        main.out.println(String.format(Locale.ROOT, "probing %s (%s) with the probes of %s", run, recorded.name(), d.location()));
        main.out.flush();
        ProbeResults results = Iclab.probe(run, d.experiment().probes(), engine.count(), engine.xla);
        ProbeTable.lines(results, recorded.task()).forEach(main.out::println);
        main.out.println(String.format(Locale.ROOT, "probes: %s, %s (%.1f s)", run.resolve(RunDirectory.PROBES_CSV),
                run.resolve(RunDirectory.PROBES_JSON), results.seconds()));
        main.out.flush();
        return 0;
    }

    /** The script's experiment with probes: the one named as the run, else the only one with probes. */
    private DeclaredExperiment choose(List<DeclaredExperiment> declared, Experiment recorded) {
        List<DeclaredExperiment> probing = declared.stream().filter(x -> x.experiment().probes() != null).toList();
        if (probing.isEmpty()) {
            throw new UserError(script + ": declares no probes { } block; iclab probe takes the probes from it");
        }
        return probing.stream().filter(x -> x.experiment().name().equals(recorded.name())).findFirst()
                .orElseGet(() -> {
                    if (probing.size() > 1) {
                        throw new UserError(script + ": " + probing.size() + " experiments declare probes and none is named '"
                                + recorded.name() + "' as the run is; say which by its name");
                    }
                    return probing.get(0);
                });
    }

    private static void compare(String what, Object here, Object there, List<String> differs) {
        if (!here.equals(there)) {
            differs.add(what + ": " + Reference.render(here) + " here, " + Reference.render(there) + " in the run");
        }
    }
}
