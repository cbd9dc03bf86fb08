package org.iclab.spec;

/**
 * A finite training distribution: with {@code tasks = M} every training prompt follows one of M functions drawn once
 * (Garg et al.'s {@code num_tasks}, Raventós et al.'s task diversity); with {@code prompts = N} every training prompt
 * is one of N fixed prompts, function and inputs (Garg et al.'s {@code num_training_examples}). 0 means no limit.
 * With both, the N prompts' functions come from the M-function pool. For a token task, {@code prompts = N} is a fixed
 * set of N training sequences, sequence n in pool language n mod M where there are M ({@code org.iclab.task.TokenPool}).
 * Evaluation always uses fresh prompts.
 *
 * <pre>
 * Java:   t -&gt; t.pool(Pool.tasks(64))                  Groovy:  train { pool tasks: 64 }
 * </pre>
 */
@Setting("A finite training distribution: M functions (tasks) and/or N whole prompts (prompts); 0 means no limit.")
public record Pool(@Setting(value = "Number of distinct functions seen in training; 0 = a fresh function per prompt.", range = ">= 0") int tasks,
                   @Setting(value = "Number of distinct training prompts (function and inputs); 0 = fresh prompts.", range = ">= 0") int prompts) {
    /** No pool: every training prompt is fresh. */
    public static final Pool NONE = new Pool(0, 0);

    public Pool {
        Problems.in("train.pool")
                .require(tasks >= 0, "tasks", "must be >= 0 (0 = no limit)", tasks)
                .require(prompts >= 0, "prompts", "must be >= 0 (0 = no limit)", prompts)
                .throwIfAny();
    }

    /** A pool of {@code m} functions. */
    public static Pool tasks(int m) {
        return new Pool(m, 0);
    }

    /** A pool of {@code n} whole prompts. */
    public static Pool prompts(int n) {
        return new Pool(0, n);
    }

    /** True when training prompts are drawn from a finite set of functions or prompts. */
    public boolean limited() {
        return tasks > 0 || prompts > 0;
    }
}
