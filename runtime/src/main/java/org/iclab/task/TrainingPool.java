package org.iclab.task;

import java.util.SplittableRandom;
import org.iclab.spec.Pool;

/**
 * The finite training distribution of a {@link Pool}, as a {@link PromptDesign}. Pool member i is drawn from its
 * own seed ({@link Seeds.Stream#POOL}, index i; prompts use indices after the task pool's), with every task
 * dimension active, so it is the same at every step and under any curriculum: the curriculum's inactive
 * coordinates are zeroed after drawing, as Garg et al. truncate after sampling. Each call of {@link #function}
 * picks the member for one prompt from the batch's stream; {@link #inputs} follows it, so one design serves one
 * {@code sample} call at a time.
 */
public final class TrainingPool implements PromptDesign {
    private static final long PROMPT_INDEX_BASE = 1L << 40;

    private final Pool pool;
    private final long seed;
    private final TaskFunction[] functions;
    private SplittableRandom promptStream;

    /** The pool of {@code experimentSeed}'s experiment, drawn with {@code sampler}'s task and inputs. */
    public TrainingPool(Pool pool, long experimentSeed, PromptSampler sampler) {
        if (!pool.limited()) {
            throw new IllegalArgumentException("pool has no limit: " + pool);
        }
        this.pool = pool;
        this.seed = experimentSeed;
        this.functions = new TaskFunction[pool.tasks()];
        int dims = sampler.task().dims();
        for (int m = 0; m < functions.length; m++) {
            functions[m] = sampler.drawFunction(new SplittableRandom(Seeds.derive(seed, Seeds.Stream.POOL, m)), dims);
        }
    }

    @Override
    public TaskFunction function(PromptSampler sampler, SplittableRandom rng, int prompt, int activeDims) {
        if (pool.prompts() > 0) {
            int member = rng.nextInt(pool.prompts());
            promptStream = new SplittableRandom(Seeds.derive(seed, Seeds.Stream.POOL, PROMPT_INDEX_BASE + member));
            return functions.length > 0 ? functions[promptStream.nextInt(functions.length)]
                    : sampler.drawFunction(promptStream, sampler.task().dims());
        }
        return functions[rng.nextInt(functions.length)];
    }

    @Override
    public void inputs(PromptSampler sampler, SplittableRandom rng, float[] xs, int offset, int points, int activeDims) {
        if (pool.prompts() == 0) {
            sampler.drawInputs(rng, xs, offset, points, activeDims);
            return;
        }
        int dims = sampler.task().dims();
        sampler.drawInputs(promptStream, xs, offset, points, dims); // a shorter prompt is a prefix of the longer one
        for (int i = 0; i < points; i++) {
            for (int j = activeDims; j < dims; j++) {
                xs[offset + i * dims + j] = 0;
            }
        }
    }

    /** The function of pool member {@code m} (for tests and probes). */
    public TaskFunction member(int m) {
        return functions[m];
    }
}
