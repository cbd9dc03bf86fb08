package org.iclab.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.iclab.spec.Pool;
import org.iclab.spec.task.TokenTask;

/**
 * A finite pool of a token task's training data. With {@code pool tasks: M}, M distinct languages (transition tables,
 * automata): member m drawn from its own seed ({@link Seeds.Stream#POOL}, index m; a draw equal to an earlier member
 * is redrawn from the same stream, as RegBench removes duplicate automata); training sequences pick a member per
 * sequence; evaluation draws fresh languages and skips any that is a member, so the evaluation languages are disjoint
 * from the training ones. With {@code pool prompts: N}, a fixed training set of N sequences (RegBench trains on a
 * fixed set for many epochs): sequence n is drawn from its own stream (index 2^40 + n), in language n mod M where
 * there is a language pool (so N = M gives one sequence per language, as RegBench) and else in a language drawn
 * from that stream; each training row picks one of the N. Evaluation sequences are fresh draws.
 */
public final class TokenPool {
    /** Draws per member before giving up: the task's settings allow fewer distinct languages than the pool asks for. */
    private static final int ATTEMPTS = 10_000;
    private static final long SEQUENCE_INDEX_BASE = 1L << 40;

    private final List<Object> members;
    private final Set<Object> set;
    private final int sequences;
    private final long seed;

    /** The pool of {@code experimentSeed}'s experiment. */
    public TokenPool(TokenTask task, Pool pool, long experimentSeed) {
        if (!pool.limited()) {
            throw new IllegalArgumentException("a token pool needs tasks or prompts >= 1, was " + pool);
        }
        this.sequences = pool.prompts();
        this.seed = experimentSeed;
        Set<Object> found = new LinkedHashSet<>();
        for (int m = 0; m < pool.tasks(); m++) {
            TokenClass<TokenTask> languages = TokenClass.of(task);
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

    /** The number of languages in the pool (0 where it holds only sequences). */
    public int size() {
        return members.size();
    }

    public Object member(int m) {
        return members.get(m);
    }

    public boolean contains(Object language) {
        return set.contains(language);
    }

    /** The number of fixed training sequences (0: fresh sequences, in pool languages where there are some). */
    public int sequences() {
        return sequences;
    }

    /** The stream fixed training sequence {@code n} is drawn from. */
    SplittableRandom sequenceStream(int n) {
        return new SplittableRandom(Seeds.derive(seed, Seeds.Stream.POOL, SEQUENCE_INDEX_BASE + n));
    }

    /** The language of fixed sequence {@code n}: member n mod M where there are members, else null (drawn from its stream). */
    Object sequenceLanguage(int n) {
        return members.isEmpty() ? null : members.get(n % members.size());
    }
}
