package org.iclab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iclab.spec.task.RegularLanguage;
import org.iclab.spec.Span;
import org.iclab.spec.SpecException;
import org.junit.jupiter.api.Test;

/**
 * RegBench's automata and prompts: the minimised automaton accepts exactly the strings the drawn one does, its states
 * are pairwise distinguishable, its form is canonical, and every string of a prompt is a walk it accepts.
 */
class RegularLanguageTest {
    private static final RegularLanguage SMALL = new RegularLanguage(new Span(3, 7), new Span(3, 4), new Span(1, 2), new Span(2, 4), new Span(1, 6));

    /** Every string over {@code symbols} of length 0..max. */
    private static List<int[]> strings(int[] symbols, int max) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[0]);
        List<int[]> last = List.of(new int[0]);
        for (int len = 1; len <= max; len++) {
            List<int[]> longer = new ArrayList<>();
            for (int[] s : last) {
                for (int c : symbols) {
                    int[] t = java.util.Arrays.copyOf(s, len);
                    t[len - 1] = c;
                    longer.add(t);
                }
            }
            all.addAll(longer);
            last = longer;
        }
        return all;
    }

    private static int[] used(Automaton a) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        for (int q = 0; q < a.states(); q++) {
            for (int c : a.outgoing(q)) {
                s.add(c);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theMinimalAutomatonAcceptsExactlyTheDrawnOnesStringsAndNoTwoOfItsStatesAreEquivalent() {
        SplittableRandom rng = new SplittableRandom(4);
        int shrunk = 0;
        for (int trial = 0; trial < 60; trial++) {
            Automaton drawn = Automaton.random(rng, SMALL);
            Automaton minimal = drawn.minimized();
            assertThat(minimal.states()).isLessThanOrEqualTo(drawn.states());
            shrunk += minimal.states() < drawn.states() ? 1 : 0;
            int[] symbols = used(drawn);
            for (int[] s : strings(symbols, 6)) {
                assertThat(minimal.accepts(s)).as("trial %d, string %s", trial, java.util.Arrays.toString(s)).isEqualTo(drawn.accepts(s));
            }
            // distinguishable: for each pair of states some string of length <= states is accepted from one only
            List<int[]> probes = strings(symbols, minimal.states());
            for (int p = 0; p < minimal.states(); p++) {
                for (int q = p + 1; q < minimal.states(); q++) {
                    int pp = p;
                    int qq = q;
                    assertThat(probes.stream().anyMatch(s -> acceptsFrom(minimal, pp, s) != acceptsFrom(minimal, qq, s)))
                            .as("states %d and %d of trial %d", p, q, trial).isTrue();
                }
            }
            assertThat(minimal.minimized()).isEqualTo(minimal);
        }
        assertThat(shrunk).as("minimisation merged or dropped states in some trials").isPositive();
    }

    private static boolean acceptsFrom(Automaton a, int start, int[] s) {
        int q = start;
        for (int c : s) {
            q = a.next()[q][c];
            if (q < 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void renumberingTheStatesGivesTheSameCanonicalForm() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int trial = 0; trial < 30; trial++) {
            Automaton a = Automaton.random(rng, SMALL);
            int n = a.states();
            // a permutation that keeps the start state 0: reverse the others
            int[] to = new int[n];
            for (int q = 1; q < n; q++) {
                to[q] = n - q;
            }
            int[][] next = new int[n][];
            for (int q = 0; q < n; q++) {
                next[to[q]] = java.util.Arrays.stream(a.next()[q]).map(t -> t < 0 ? -1 : to[t]).toArray();
            }
            assertThat(new Automaton(next).minimized()).isEqualTo(a.minimized());
        }
    }

    @Test
    void everyStringOfAPromptIsAWalkOfItsAutomatonAndOnlySymbolTargetsAreScored() {
        for (long seed = 0; seed < 40; seed++) {
            Automaton dfa = Automaton.random(new SplittableRandom(seed), SMALL).minimized();
            TokenBatch b = new TokenSampler(SMALL).sample(seed, 1, SMALL.length(), true);
            List<List<Integer>> strings = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            int t = 0;
            for (; t < b.length() && b.id(0, t) != RegularLanguage.PAD; t++) {
                if (b.id(0, t) == RegularLanguage.SEPARATOR) {
                    strings.add(current);
                    current = new ArrayList<>();
                } else {
                    current.add(b.id(0, t));
                }
            }
            strings.add(current);
            for (; t < b.length(); t++) {
                assertThat(b.id(0, t)).isEqualTo(RegularLanguage.PAD);
            }
            assertThat(strings.size()).isBetween(2, 4);
            for (List<Integer> s : strings) {
                assertThat(s.size()).isBetween(1, 6);
                assertThat(dfa.accepts(s.stream().mapToInt(Integer::intValue).toArray())).as("seed %d: %s", seed, s).isTrue();
            }
            for (int i = 0; i < b.length(); i++) {
                int target = b.target(0, i);
                boolean symbol = target != RegularLanguage.PAD && target != RegularLanguage.SEPARATOR && i + 1 < b.length();
                assertThat(b.mask(0, i)).isEqualTo(symbol ? 1f : 0f);
                double total = 0;
                for (int v = 0; v < RegularLanguage.VOCABULARY; v++) {
                    total += b.oracle()[i * RegularLanguage.VOCABULARY + v];
                }
                assertThat(total).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-5));
                if (symbol) {
                    // the next symbol is one the automaton allows, and the oracle is uniform over those
                    assertThat(b.oracle()[i * RegularLanguage.VOCABULARY + target]).isPositive();
                }
            }
        }
    }

    @Test
    void rangesAreChecked() {
        assertThatThrownBy(() -> new RegularLanguage(new Span(3, 12), new Span(4, 18), new Span(1, 3), new Span(10, 19), new Span(1, 49)))
                .isInstanceOf(SpecException.class).hasMessageContaining("task: states must lie in 2..30 with min > edges.max, was 3..12");
        assertThatThrownBy(() -> new Span(5, 4)).isInstanceOf(SpecException.class).hasMessageContaining("must be >= min");
        assertThat(new RegularLanguage().length()).isEqualTo(19 * 50 - 1);
    }
}
