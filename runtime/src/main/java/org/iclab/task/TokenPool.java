package org.iclab.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.iclab.spec.Pool;
import org.iclab.spec.task.TokenTask;

/**
 * A finite pool of a token task's languages (transition tables, automata): {@code pool tasks: M} distinct ones, member
 * m drawn from its own seed ({@link Seeds.Stream#POOL}, index m; a draw equal to an earlier member is redrawn from the
 * same stream, as RegBench removes duplicate automata). Training sequences pick a member per sequence; evaluation
 * draws fresh languages and skips any that is a member, so the evaluation languages are disjoint from the training
 * ones.
 */
public final class TokenPool {
    /** Draws per member before giving up: the task's settings allow fewer distinct languages than the pool asks for. */
    private static final int ATTEMPTS = 10_000;

    private final List<Object> members;
    private final Set<Object> set;

    /** The pool of {@code experimentSeed}'s experiment. */
    public TokenPool(TokenTask task, Pool pool, long experimentSeed) {
        if (pool.tasks() < 1) {
            throw new IllegalArgumentException("a token pool needs tasks >= 1, was " + pool);
        }
        TokenClass<TokenTask> languages = TokenClass.of(task);
        Set<Object> found = new LinkedHashSet<>();
        for (int m = 0; m < pool.tasks(); m++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(experimentSeed, Seeds.Stream.POOL, m));
            Object language = languages.language(task, rng);
            for (int attempt = 1; found.contains(language); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalArgumentException("the task's settings gave only " + found.size() + " distinct languages in "
                            + ATTEMPTS + " draws for member " + m + "; the pool asks for " + pool.tasks());
                }
                language = languages.language(task, rng);
            }
            found.add(language);
        }
        this.members = List.copyOf(found);
        this.set = Set.copyOf(found);
    }

    public int size() {
        return members.size();
    }

    public Object member(int m) {
        return members.get(m);
    }

    public boolean contains(Object language) {
        return set.contains(language);
    }
}
