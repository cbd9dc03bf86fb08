package org.iclab;

import java.util.List;
import org.iclab.eval.ErrorCurve;
import org.iclab.eval.Evaluator;
import org.iclab.graph.CompiledModel;
import org.iclab.io.Json;
import org.iclab.probe.ProbeResults;
import org.iclab.report.RunDirectory;
import org.iclab.spec.Experiment;
import org.iclab.spec.SpecException;
import org.iclab.train.Checkpoints;
import org.iclab.train.TrainingLog;

/**
 * What the steps of one run ({@link RunSteps}) share: the experiment and options, the run directory, the compiled
 * model and its checkpoints, and what each step leaves for the next (the training log, the evaluation's curves, the
 * probes). A step reads what earlier steps set and sets its own.
 */
final class RunContext {
    final Experiment experiment;
    final RunOptions options;
    final long startNanos = System.nanoTime();
    final RunDirectory dir;
    /** The compiler the run uses: the option, or, on a resume, the one it started with (the same numbers after it). */
    final boolean xla;
    CompiledModel model;
    /** The measures taken at each evaluation during training (checked against the model once it is compiled). */
    org.iclab.eval.Measures measures;
    Checkpoints checkpoints;
    /** The first step to train: 1, or the step after the restored checkpoint. */
    long firstStep = 1;
    List<TrainingLog> logs = List.of();
    Evaluator evaluator;
    List<ErrorCurve> curves = List.of();
    ProbeResults probes;

    /**
     * The run's directory: the one being resumed (whose spec.json must be this experiment), or a new one holding
     * the experiment's spec.json.
     */
    RunContext(Experiment experiment, RunOptions options) {
        this.experiment = experiment;
        this.options = options;
        if (options.resume() != null) {
            dir = RunDirectory.existing(options.resume());
            Experiment recorded = Json.readExperiment(dir.resolve(RunDirectory.SPEC));
            if (!recorded.equals(experiment)) {
                throw new SpecException("run", "resume", "must continue the same experiment as its spec.json", options.resume());
            }
            xla = dir.recordedXla().orElse(options.xla());
        } else {
            dir = options.out() != null ? RunDirectory.create(options.out())
                    : RunDirectory.createUnder(options.runsRoot(), experiment.name());
            dir.writeSpec(experiment);
            xla = options.xla();
        }
    }

    boolean resuming() {
        return options.resume() != null;
    }

    RunResult result() {
        return new RunResult(experiment, dir.path(), logs, curves, model.parameterCount(), (System.nanoTime() - startNanos) / 1e9, probes);
    }
}
