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
                long back = rollBack(step, loss, logs);
                if (back < 0) {
                    throw diverged(step, loss);
                }
                step = back; // the loop goes on from the step after it
                windowStart = System.nanoTime();
                windowSteps = 0;
                continue;
            }
            boolean last = step == plan.steps();
            if (step % plan.logEvery() == 0 || last) {
                long now = System.nanoTime();
                TrainingLog log = new TrainingLog(step, loss, windowSteps / ((now - windowStart) / 1e9), dims, points,
                        (now - start) / 1e9, model.learningRateAt(step));
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

    /**
     * With {@code train.onDivergence 'rollback'} and rollbacks left: restores the latest checkpoint (or, before the
     * first, the initial parameters, drawn again from the seed), halves the learning rate, tells the listeners, and
     * returns the step it went back to; otherwise -1.
     */
    private long rollBack(long step, double loss, List<TrainingLog> logs) {
        TrainPlan plan = experiment.train();
        int done = rollbacks();
        if (!plan.onDivergence().equals(TrainPlan.ROLLBACK) || done >= plan.rollbacks()) {
            return -1;
        }
        var found = latestCheckpoint();
        long to;
        if (found.isPresent()) {
            to = checkpoints.restoreLatest(model).step();
        } else if (plan.from() == null) {
            model.initialize(Seeds.derive(experiment.seed(), Seeds.Stream.INIT, 0)); // as the model was compiled
            to = 0;
        } else {
            return -1; // the starting parameters came from another run: nothing to go back to here
        }
        double scale = model.learningRateScale() / 2;
        model.setLearningRateScale(scale);
        logs.removeIf(l -> l.step() > to);
        Rollback rollback = new Rollback(to, step, Double.toString(loss), scale, done + 1);
        listeners.forEach(l -> l.rolledBack(rollback));
        return to;
    }

    /** The newest checkpoint on disk; none when training without checkpoints. */
    private java.util.Optional<Checkpoints.Found> latestCheckpoint() {
        return checkpoints == null ? java.util.Optional.empty() : checkpoints.latest();
    }

    /** Rollbacks so far, as the learning-rate factor records them (each halves it). */
    private int rollbacks() {
        return (int) Math.round(-Math.log(model.learningRateScale()) / Math.log(2));
    }

    private TrainingDivergedException diverged(long step, double loss) {
        TrainPlan plan = experiment.train();
        StringBuilder m = new StringBuilder("training diverged at step " + step + ": the loss is " + loss);
        double lr = model.learningRateAt(step);
        if (rollbacks() > 0) {
            m.append(" after ").append(rollbacks()).append(" rollback").append(rollbacks() == 1 ? "" : "s")
                    .append(" (train.rollbacks ").append(plan.rollbacks()).append(")");
        }
        m.append(", at a learning rate of ").append(lr).append(". Set a smaller train.optimizer.lr")
                .append(plan.onDivergence().equals(TrainPlan.ROLLBACK) ? "" : ", or train.onDivergence 'rollback'").append(". ");
        var found = latestCheckpoint();
        if (found.isPresent()) {
            m.append("The last checkpoint, of step ").append(found.get().state().step()).append(" (loss ")
                    .append(found.get().state().loss()).append("), is in ").append(found.get().folder());
        } else {
            m.append("No checkpoint was written before it (train.checkpointEvery ").append(plan.checkpointEvery()).append(")");
        }
        return new TrainingDivergedException(m.toString());
    }
}
