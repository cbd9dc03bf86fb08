package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.iclab.Iclab;
import org.iclab.spec.Pool;
import org.iclab.spec.task.RegularLanguage;
import org.iclab.spec.Span;
import org.iclab.spec.SpecException;
import org.iclab.tokens.Copying;
import org.junit.jupiter.api.Test;

/** A finite pool of training languages: distinct members, training sequences in them, evaluation languages outside them. */
class TokenPoolTest {
    /** One symbol, one edge a state: the language is s* for one of the 18 symbols, so members come up often among fresh draws. */
    private static final RegularLanguage TINY = new RegularLanguage(new Span(2, 3), new Span(1, 1), new Span(1, 1), new Span(3, 3), new Span(1, 4));

    private static List<int[]> strings(TokenBatch b, int s) {
        List<int[]> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int t = 0; t <= b.length(); t++) {
            int id = t < b.length() ? b.id(s, t) : RegularLanguage.SEPARATOR;
            if (id == RegularLanguage.SEPARATOR || id == RegularLanguage.PAD) {
                if (!current.isEmpty()) {
                    out.add(current.stream().mapToInt(Integer::intValue).toArray());
                }
                current = new ArrayList<>();
            } else {
                current.add(id);
            }
        }
        return out;
    }

    @Test
    void membersAreDistinctAndTrainingSequencesAreWalksOfThem() {
        RegularLanguage task = new RegularLanguage(new Span(4, 6), new Span(3, 5), new Span(1, 3), new Span(3, 5), new Span(1, 6));
        TokenPool pool = new TokenPool(task, Pool.tasks(5), 3);
        Set<Object> members = new HashSet<>();
        for (int m = 0; m < pool.size(); m++) {
            members.add(pool.member(m));
        }
        assertThat(members).hasSize(5);
        TokenBatch b = new TokenSampler(task).sample(9, 60, task.length(), false, pool, TokenSampler.Use.TRAIN);
        for (int s = 0; s < b.batch(); s++) {
            List<int[]> walks = strings(b, s);
            boolean some = members.stream().anyMatch(a -> walks.stream().allMatch(w -> ((Automaton) a).accepts(w)));
            assertThat(some).as("sequence %d is in a pool member's language", s).isTrue();
        }
        // the same pool from the same seed
        assertThat(new TokenPool(task, Pool.tasks(5), 3).member(2)).isEqualTo(pool.member(2));
    }

    @Test
    void evaluationLanguagesAreNeverPoolMembers() {
        TokenPool pool = new TokenPool(TINY, Pool.tasks(3), 1);
        TokenSampler sampler = new TokenSampler(TINY);
        TokenClass<RegularLanguage> languages = TokenClass.of(TINY);
        SplittableRandom rng = new SplittableRandom(5);
        int memberDraws = 0;
        for (int i = 0; i < 300; i++) {
            assertThat(pool.contains(sampler.outside(rng, pool))).isFalse();
            memberDraws += pool.contains(languages.language(TINY, rng)) ? 1 : 0;
        }
        assertThat(memberDraws).as("plain draws hit the pool often in this tiny setting, so the exclusion matters").isGreaterThan(30);
    }

    @Test
    void aPoolLargerThanTheLanguagesAvailableIsAClearError() {
        assertThatThrownBy(() -> new TokenPool(TINY, Pool.tasks(500), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct languages").hasMessageContaining("500");
    }

    @Test
    void onlyTaskPoolsOfTasksWithLanguagesAreAcceptedAndAnyTokenTaskTakesAFixedSetOfSequences() {
        assertThatThrownBy(() -> Iclab.experiment("x").task(new Copying(5, 2)).model(Iclab.gru(1, 4)).train(t -> t.pool(Pool.tasks(4))).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("train.pool may only hold tasks for a token task with languages");
        assertThat(Iclab.experiment("x").task(Iclab.markovChain(3)).model(Iclab.gru(1, 4)).train(t -> t.pool(Pool.tasks(4))).build()
                .train().pool().tasks()).isEqualTo(4);
        assertThat(Iclab.experiment("x").task(new Copying(5, 2)).model(Iclab.gru(1, 4)).train(t -> t.batch(8).pool(Pool.prompts(100))).build()
                .train().pool().prompts()).isEqualTo(100);
        // a Markov chain with its default baselines, bayes() among them: evaluation sequences are fresh draws from the prior
        assertThat(Iclab.experiment("x").task(Iclab.markovChain(3)).model(Iclab.gru(1, 4)).train(t -> t.batch(8).pool(Pool.prompts(100))).build()
                .evaluate().baselines()).contains(Iclab.bayes());
    }

    /** Each row of a batch as a string of its ids. */
    private static List<String> rows(TokenBatch b) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < b.batch(); s++) {
            StringBuilder row = new StringBuilder();
            for (int t = 0; t < b.length(); t++) {
                row.append(b.id(s, t)).append(',');
            }
            out.add(row.toString());
        }
        return out;
    }

    @Test
    void aFixedSetOfSequencesIsAllTrainingSeesAndEvaluationDrawsFreshOnes() {
        var chain = Iclab.markovChain(3);
        TokenPool pool = new TokenPool(chain, Pool.prompts(5), 11);
        TokenSampler sampler = new TokenSampler(chain);
        Set<String> seen = new HashSet<>();
        for (long step = 0; step < 40; step++) {
            seen.addAll(rows(sampler.sample(step, 4, chain.length(), false, pool, TokenSampler.Use.TRAIN)));
        }
        assertThat(seen).as("40 batches of 4 rows from 5 fixed sequences").hasSize(5);
        Set<String> fresh = new HashSet<>(rows(sampler.sample(3, 40, chain.length(), false, pool, TokenSampler.Use.EVALUATE)));
        assertThat(fresh).hasSize(40).doesNotContainAnyElementsOf(seen);
        assertThat(rows(sampler.sample(3, 4, chain.length(), false, pool, TokenSampler.Use.EVALUATE)))
                .isEqualTo(rows(sampler.sample(3, 4, chain.length(), false)));
        // the same pool from the same seed; a shorter curriculum length is a prefix of the same sequences
        Set<String> again = new HashSet<>();
        for (long step = 0; step < 40; step++) {
            again.addAll(rows(sampler.sample(step, 4, chain.length(), false, new TokenPool(chain, Pool.prompts(5), 11), TokenSampler.Use.TRAIN)));
        }
        assertThat(again).isEqualTo(seen);
        for (String shorter : rows(sampler.sample(7, 8, 4, false, pool, TokenSampler.Use.TRAIN))) {
            assertThat(seen.stream().anyMatch(full -> full.startsWith(shorter))).as(shorter).isTrue();
        }
    }

    @Test
    void withALanguagePoolSequenceNFollowsLanguageNModM() {
        // TINY's languages are s* for one symbol: a sequence's symbols name its language
        TokenPool pool = new TokenPool(TINY, new Pool(5, 5), 2);
        TokenSampler sampler = new TokenSampler(TINY);
        Set<Integer> symbolsOfSequences = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (long step = 0; step < 30; step++) {
            TokenBatch b = sampler.sample(step, 4, TINY.length(), false, pool, TokenSampler.Use.TRAIN);
            for (int s = 0; s < b.batch(); s++) {
                Set<Integer> symbols = new HashSet<>();
                strings(b, s).forEach(w -> java.util.Arrays.stream(w).forEach(symbols::add));
                assertThat(symbols).as("one language a sequence").hasSize(1);
                if (seen.add(rows(b).get(s))) {
                    symbolsOfSequences.addAll(symbols);
                }
            }
        }
        assertThat(seen).hasSize(5);
        assertThat(symbolsOfSequences).as("five sequences in five different languages: one a pool member").hasSize(5);
    }
}
