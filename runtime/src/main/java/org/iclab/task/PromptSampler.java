package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Experiment;
import org.iclab.spec.inputs.Inputs;
import org.iclab.spec.task.Task;

/**
 * Draws prompts for an experiment's function class and input distribution. Each prompt gets its own function
 * (a fresh w for linear regression) and its own inputs; dimensions at or beyond {@code activeDims} are zero, as in
 * Garg et al.'s curriculum.
 */
public final class PromptSampler {
    private final Task task;
    private final Inputs inputs;
    private final FunctionClass<Task> functions;
    private final InputSampler.Draws draws;

    /** A sampler whose inputs need no seed of their own (isotropic), or whose transform is drawn from seed 0. */
    public PromptSampler(Task task, Inputs inputs) {
        this(task, inputs, 0);
    }

    /**
     * A sampler for an experiment with seed {@code seed}: an input distribution with a random transform (a
     * non-isotropic {@code gaussian}) draws it here, once, from the {@link Seeds.Stream#INPUTS} stream of that seed.
     */
    public PromptSampler(Task task, Inputs inputs, long seed) {
        this.task = task;
        this.inputs = inputs;
        this.functions = FunctionClass.of(task);
        this.draws = InputSampler.of(inputs).prepare(inputs, task.dims(), Seeds.derive(seed, Seeds.Stream.INPUTS, 0));
    }

    /** The sampler of an experiment's training and standard evaluation prompts. */
    public static PromptSampler of(Experiment experiment) {
        return new PromptSampler(experiment.task(), experiment.inputs(), experiment.seed());
    }

    public Task task() {
        return task;
    }

    public Inputs inputs() {
        return inputs;
    }

    /** A batch drawn from {@code seed} alone: the same arguments always give the same batch. */
    public PromptBatch sample(long seed, int batch, int points, int activeDims) {
        return sample(seed, batch, points, activeDims, PromptDesign.DEFAULT);
    }

    /**
     * A batch drawn from {@code seed} alone under {@code design}: per prompt, its function, then its inputs, then
     * what the function does to them ({@link TaskFunction#shape}) and its clean labels ({@link TaskFunction#label}),
     * then each y = design.output(observe(f(x))), all from one random stream in that order. Only Boolean classes
     * shape inputs or draw while labelling, so the other classes' batches are as they always were. {@link #observe} draws
     * nothing for noiseless tasks, so their batches are as they were before tasks could be noisy.
     */
    public PromptBatch sample(long seed, int batch, int points, int activeDims, PromptDesign design) {
        int dims = task.dims();
        if (activeDims < 1 || activeDims > dims) {
            throw new IllegalArgumentException("activeDims must be in [1, " + dims + "], was " + activeDims);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xs = new float[batch * points * dims];
        float[] ys = new float[batch * points];
        double[] clean = new double[points];
        for (int b = 0; b < batch; b++) {
            TaskFunction f = design.function(this, rng, b, activeDims);
            design.inputs(this, rng, xs, b * points * dims, points, activeDims);
            f.shape(rng, xs, b * points * dims, points, dims);
            f.label(rng, xs, b * points * dims, points, dims, clean);
            for (int i = 0; i < points; i++) {
                ys[b * points + i] = (float) design.output(rng, observe(rng, clean[i], activeDims));
            }
        }
        return new PromptBatch(batch, points, dims, xs, ys);
    }

    /** A function of the task's class; coordinates at or past {@code activeDims} are zero in every input it sees. */
    public TaskFunction drawFunction(SplittableRandom rng, int activeDims) {
        return functions.draw(task, rng, activeDims);
    }

    /**
     * The y the task records for f(x) = {@code clean} while {@code activeDims} coordinates are active: its
     * observation noise ({@link FunctionClass#observe}), drawn per point after f. Noiseless tasks return
     * {@code clean} and draw nothing.
     */
    public double observe(SplittableRandom rng, double clean, int activeDims) {
        return functions.observe(task, rng, clean, activeDims);
    }

    /** Draws {@code count} inputs from the experiment's input distribution into consecutive rows from {@code offset}. */
    public void drawInputs(SplittableRandom rng, float[] xs, int offset, int count, int activeDims) {
        draws.draw(rng, xs, offset, count, activeDims);
    }

    /** The dimension of the subspace the inputs span (task dims, or the rank of lowRank inputs). */
    int inputSpan() {
        return draws.span();
    }
}
