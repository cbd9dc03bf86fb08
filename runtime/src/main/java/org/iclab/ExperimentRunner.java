package org.iclab;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iclab.graph.CompiledModel;
import org.iclab.io.Json;
import org.iclab.probe.ProbeResults;
import org.iclab.probe.Probes;
import org.iclab.report.RunDirectory;
import org.iclab.report.RunReport;
import org.iclab.spec.Experiment;
import org.iclab.spec.ProbePlan;
import org.iclab.spec.SpecException;
import org.iclab.train.Checkpoints;

/** A run: its directory and compiled model, then {@link RunSteps#ORDER} over them; and probing a finished run. */
final class ExperimentRunner {
    private ExperimentRunner() {
    }

    static RunResult run(Experiment experiment, RunOptions options) {
        RunContext run = new RunContext(experiment, options);
        try (CompiledModel model = CompiledModel.compile(experiment, options.threads(), run.xla)) {
            run.model = model;
            run.checkpoints = new Checkpoints(run.dir.resolve(RunDirectory.CHECKPOINT));
            for (RunSteps.Step step : RunSteps.ORDER) {
                step.run(run);
            }
            return run.result();
        }
    }

    /**
     * Runs {@code plan} on the model of the finished (or interrupted) run in {@code runDirectory}, restored from its
     * latest checkpoint, and writes probes.csv, probes.json and the probe figures there. The run's spec.json stays as
     * it was: it records how the model was made, and the plan goes into probes.json.
     */
    static ProbeResults probe(Path runDirectory, ProbePlan plan, int threads, Boolean xla) {
        if (!Files.isRegularFile(runDirectory.resolve(RunDirectory.SPEC))) {
            throw new SpecException("probe", "run", "must be a run directory holding " + RunDirectory.SPEC, runDirectory);
        }
        RunDirectory dir = RunDirectory.existing(runDirectory);
        Experiment probed = Json.readExperiment(dir.resolve(RunDirectory.SPEC)).withProbes(plan);
        Checkpoints checkpoints = new Checkpoints(dir.resolve(RunDirectory.CHECKPOINT));
        if (checkpoints.latest().isEmpty()) {
            throw new SpecException("probe", "run", "must hold a checkpoint (" + RunDirectory.CHECKPOINT + "/" + Checkpoints.LATEST
                    + ") to restore the model from", runDirectory);
        }
        boolean compiled = xla != null ? xla : dir.recordedXla().orElse(false); // as trained, unless asked otherwise
        try (CompiledModel model = CompiledModel.compile(probed, threads, compiled)) {
            checkpoints.restoreLatest(model);
            ProbeResults results = Probes.run(model, probed, plan);
            dir.writeProbes(probed, results);
            RunReport.write(dir.path());
            return results;
        }
    }

}
