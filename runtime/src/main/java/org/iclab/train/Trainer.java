package org.iclab.train;

import java.util.ArrayList;
import java.util.List;
import org.iclab.graph.CompiledModel;
import org.iclab.spec.Curriculum;
import org.iclab.spec.Experiment;
import org.iclab.spec.TrainPlan;
import org.iclab.task.Seeds;
import org.iclab.task.TrainingBatches;

/**
 * Runs the training loop of an experiment on a compiled model. The batch of step s is drawn from a seed derived
 * from the experiment seed and s alone, with the curriculum value at s, so a resumed run sees exactly the data an
 * uninterrupted one would.
 */
public final class Trainer {
    private final Experiment experiment;
    private final CompiledModel model;
    private final Checkpoints checkpoints;
    private final List<TrainingListener> listeners;

    /** {@code checkpoints} may be null to train without writing checkpoints (tests, benchmarks). */
    public Trainer(CompiledModel model, Checkpoints checkpoints, List<TrainingListener> listeners) {
        this.experiment = model.experiment();
        this.model = model;
        this.checkpoints = checkpoints;
        this.listeners = List.copyOf(listeners);
    }

    /** Trains from step {@code firstStep} (1 for a fresh run) to the plan's last step; returns the logged lines. */
    public List<TrainingLog> train(long firstStep) {
        TrainPlan plan = experiment.train();
        Curriculum curriculum = plan.curriculum();
        TrainingBatches batches = TrainingBatches.of(experiment);
        listeners.forEach(l -> l.started(firstStep, plan.steps()));
        List<TrainingLog> logs = new ArrayList<>();
        long start = System.nanoTime();
        long windowStart = start;
        long windowSteps = 0;
        int evaluateEvery = plan.evaluateEvery();
        if (evaluateEvery > 0 && firstStep == 1) {
            listeners.forEach(l -> l.evaluationDue(0));
            windowStart = System.nanoTime();
        }
        for (long step = firstStep; step <= plan.steps(); step++) {
            int dims = curriculum.dims().at(step - 1);
            int points = curriculum.points().at(step - 1);
            var batch = batches.sample(Seeds.derive(experiment.seed(), Seeds.Stream.TRAIN, step), plan.batch(), points, dims);
            double loss = model.trainStep(batch, step);
            windowSteps++;
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException("training diverged at step " + step + ": loss is " + loss
                        + "; try a smaller train.optimizer.lr (was " + plan.optimizer() + ")"
                        + (checkpoints == null ? "" : "; the last finite checkpoint is in " + checkpoints.folder()));
            }
            boolean last = step == plan.steps();
            if (step % plan.logEvery() == 0 || last) {
                long now = System.nanoTime();
                TrainingLog log = new TrainingLog(step, loss, windowSteps / ((now - windowStart) / 1e9), dims, points,
                        (now - start) / 1e9, plan.optimizer().lrAt(step, plan.steps()));
                logs.add(log);
                listeners.forEach(l -> l.logged(log));
                windowStart = now;
                windowSteps = 0;
            }
            if (evaluateEvery > 0 && (step % evaluateEvery == 0 || last)) {
                long evaluationStart = System.nanoTime();
                long s = step;
                listeners.forEach(l -> l.evaluationDue(s));
                windowStart += System.nanoTime() - evaluationStart; // nor is evaluation time
            }
            if (checkpoints != null && (step % plan.checkpointEvery() == 0 || last)) {
                long saveStart = System.nanoTime();
                var folder = checkpoints.save(model, step, loss);
                long s = step;
                listeners.forEach(l -> l.checkpointed(s, folder));
                windowStart += System.nanoTime() - saveStart; // checkpoint time is not training speed
            }
        }
        return logs;
    }
}
