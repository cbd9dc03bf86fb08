package org.iclab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iclab.RunOptions;
import org.iclab.RunResult;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.train.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iclab resume RUN_DIR}: continues a run that was stopped (killed, crashed, the machine went down) from its
 * latest checkpoint, in its own folder, to the same losses and eval.csv an uninterrupted run reaches. A run that
 * finished is left as it is; one stopped before its first checkpoint starts again from step 1.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped run from its latest checkpoint (a finished run is left as it is).")
final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory (holding spec.json and checkpoint/).")
    Path run;

    @Mixin
    Engine engine;

    @Override
    public Integer call() {
        Experiment experiment = Sources.recordedRun("resume", run);
        Checkpoints checkpoints = new Checkpoints(run.resolve(RunDirectory.CHECKPOINT));
        var latest = checkpoints.latest();
        long steps = experiment.train().steps();
        if (RunDirectory.isComplete(run) && latest.isPresent() && latest.get().state().step() == steps) {
            main.out.println(String.format(Locale.ROOT, "%s is finished (%d of %d steps, evaluated, model exported); nothing to do",
                    run, steps, steps));
            main.out.flush();
            return 0;
        }
        main.out.println(latest.isPresent()
                ? String.format(Locale.ROOT, "resuming %s (%s) from the checkpoint of step %d of %d", run, experiment.name(), latest.get().state().step(), steps)
                : String.format(Locale.ROOT, "%s (%s) has no checkpoint: training again from step 1 of %d", run, experiment.name(), steps));
        main.out.flush();
        Progress progress = new Progress(main.out, main.terminal);
        RunOptions.Builder options = engine.applyTo(RunOptions.builder().resume(run).listener(progress));
        RunResult result = main.runner.run(experiment, options.build());
        progress.finish();
        RunCommand.printResult(main, result);
        return 0;
    }
}
