package org.iclab.task;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.iclab.spec.task.RegularLanguage;
import org.iclab.spec.Span;

/**
 * A deterministic finite automaton whose states are all accepting, over symbols 1..{@link RegularLanguage#SYMBOLS}:
 * {@code next[q][s]} is the state after symbol s from state q, or −1 where q has no edge on s (the string is then
 * rejected). State 0 is the start. A string is accepted when every step has an edge.
 */
public record Automaton(int[][] next) {
    /**
     * RegBench's random automaton, drawn in this order: the number of states, the number of alphabet symbols, the
     * alphabet (a partial shuffle of the 18 symbols), then per state its number of edges, their symbols (a partial
     * shuffle of the alphabet) and their targets (a partial shuffle of the other states).
     */
    public static Automaton random(SplittableRandom rng, RegularLanguage task) {
        int n = uniform(rng, task.states());
        int a = uniform(rng, task.alphabet());
        int[] alphabet = firstOfShuffle(rng, symbolsFrom1(RegularLanguage.SYMBOLS), a);
        int[][] next = new int[n][RegularLanguage.SYMBOLS + 1];
        for (int q = 0; q < n; q++) {
            Arrays.fill(next[q], -1);
            int e = uniform(rng, task.edges());
            int[] symbols = firstOfShuffle(rng, alphabet, e);
            int[] others = new int[n - 1];
            for (int i = 0, j = 0; i < n; i++) {
                if (i != q) {
                    others[j++] = i;
                }
            }
            int[] targets = firstOfShuffle(rng, others, e);
            for (int i = 0; i < e; i++) {
                next[q][symbols[i]] = targets[i];
            }
        }
        return new Automaton(next);
    }

    /** A uniform whole number in the span. */
    static int uniform(SplittableRandom rng, Span span) {
        return span.min() + rng.nextInt(span.max() - span.min() + 1);
    }

    private static int[] symbolsFrom1(int count) {
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = i + 1;
        }
        return s;
    }

    /** The first {@code k} of a partial Fisher–Yates shuffle of a copy of {@code items}: one {@code nextInt} each. */
    private static int[] firstOfShuffle(SplittableRandom rng, int[] items, int k) {
        int[] copy = items.clone();
        for (int i = 0; i < k; i++) {
            int r = i + rng.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[r];
            copy[r] = t;
        }
        return Arrays.copyOf(copy, k);
    }

    public int states() {
        return next.length;
    }

    /** Whether the automaton has an edge for every symbol of {@code symbols} in turn from the start. */
    public boolean accepts(int[] symbols) {
        int q = 0;
        for (int s : symbols) {
            q = next[q][s];
            if (q < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The minimal automaton of the same language, in canonical form: only the states reachable from the start,
     * equivalent states merged (Moore's partition refinement, with the missing edges going to an implicit rejecting
     * state), numbered in breadth-first order from the start taking symbols in increasing order. Two automata of the
     * same language have equal canonical forms.
     */
    public Automaton minimized() {
        int n = states();
        int symbols = RegularLanguage.SYMBOLS + 1;
        // block[n] is the implicit rejecting state; every real state starts in block 0, the rejecting one in block 1
        int[] block = new int[n + 1];
        block[n] = 1;
        int blocks = 2;
        while (true) {
            Map<String, Integer> signatures = new HashMap<>();
            int[] refined = new int[n + 1];
            for (int q = 0; q <= n; q++) {
                StringBuilder sig = new StringBuilder().append(block[q]);
                for (int s = 1; s < symbols; s++) {
                    int t = q == n || next[q][s] < 0 ? n : next[q][s];
                    sig.append(',').append(block[t]);
                }
                refined[q] = signatures.computeIfAbsent(sig.toString(), k -> signatures.size());
            }
            if (signatures.size() == blocks) {
                block = refined;
                break;
            }
            block = refined;
            blocks = signatures.size();
        }
        // breadth-first from the start over blocks of real states
        int[] number = new int[blocks];
        Arrays.fill(number, -1);
        int[] representative = new int[blocks];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        number[block[0]] = 0;
        representative[0] = 0;
        queue.add(0);
        int count = 1;
        while (!queue.isEmpty()) {
            int q = queue.poll();
            for (int s = 1; s < symbols; s++) {
                int t = next[q][s];
                if (t >= 0 && number[block[t]] < 0) {
                    number[block[t]] = count;
                    representative[count++] = t;
                    queue.add(t);
                }
            }
        }
        int[][] minimal = new int[count][symbols];
        for (int i = 0; i < count; i++) {
            int q = representative[i];
            for (int s = 0; s < symbols; s++) {
                minimal[i][s] = s > 0 && next[q][s] >= 0 ? number[block[next[q][s]]] : -1;
            }
        }
        return new Automaton(minimal);
    }

    /** The symbols with an edge from state {@code q}, in increasing order. */
    public int[] outgoing(int q) {
        return java.util.stream.IntStream.range(1, next[q].length).filter(s -> next[q][s] >= 0).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Automaton other && Arrays.deepEquals(next, other.next);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(next);
    }
}
