package org.iclab.task;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.iclab.spec.task.RegularLanguage;

/**
 * Draws {@link RegularLanguage} prompts. Per prompt: the automaton ({@link Automaton#random}), minimised; the number
 * of strings; then per string its length and its walk, one {@code nextInt} per symbol over the current state's
 * outgoing symbols. Strings are joined by the separator and the rest is padding. A target is scored where it is a
 * symbol; the oracle at a position is uniform over the symbols the automaton allows next (after a separator: those
 * of the start state), and uniform over the vocabulary where nothing is scored.
 */
final class RegularLanguageClass implements TokenClass<RegularLanguage> {
    @Override
    public Class<RegularLanguage> spec() {
        return RegularLanguage.class;
    }

    /** Position t's target belongs to the string after as many separators as there are among tokens 0..t. */
    @Override
    public int[] units(RegularLanguage task, TokenBatch batch, int sequence) {
        int[] units = new int[batch.length()];
        int separators = 0;
        for (int t = 0; t < units.length; t++) {
            separators += batch.id(sequence, t) == RegularLanguage.SEPARATOR ? 1 : 0;
            units[t] = separators;
        }
        return units;
    }

    @Override
    public void draw(RegularLanguage task, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset) {
        draw(task, rng, ids, targets, mask, offset, null);
    }

    /** The minimised automaton, in canonical form (equal automata accept the same language). */
    @Override
    public Automaton language(RegularLanguage task, SplittableRandom rng) {
        return Automaton.random(rng, task).minimized();
    }

    @Override
    public void drawIn(RegularLanguage task, Object language, SplittableRandom rng, int[] ids, int[] targets, float[] mask, int offset,
                       float[] oracle) {
        Automaton dfa = (Automaton) language;
        int length = task.length();
        int v = RegularLanguage.VOCABULARY;
        Arrays.fill(ids, offset, offset + length, RegularLanguage.PAD);
        // the state after each position's token (−1 past the last string); after a separator, the start again
        int[] state = new int[length];
        Arrays.fill(state, -1);
        int strings = Automaton.uniform(rng, task.strings());
        int t = 0;
        for (int k = 0; k < strings; k++) {
            if (k > 0) {
                ids[offset + t] = RegularLanguage.SEPARATOR;
                state[t++] = 0;
            }
            int symbols = Automaton.uniform(rng, task.stringLength());
            int q = 0;
            for (int i = 0; i < symbols; i++) {
                int[] out = dfa.outgoing(q);
                int s = out[rng.nextInt(out.length)];
                q = dfa.next()[q][s];
                ids[offset + t] = s;
                state[t++] = q;
            }
        }
        for (int i = 0; i < length; i++) {
            int target = i + 1 < length ? ids[offset + i + 1] : RegularLanguage.PAD;
            targets[offset + i] = target;
            boolean scored = target != RegularLanguage.PAD && target != RegularLanguage.SEPARATOR;
            mask[offset + i] = scored ? 1 : 0;
            if (oracle != null) {
                int at = (offset + i) * v;
                if (scored) {
                    int[] allowed = dfa.outgoing(state[i]);
                    Arrays.fill(oracle, at, at + v, 0f);
                    for (int s : allowed) {
                        oracle[at + s] = 1f / allowed.length;
                    }
                } else {
                    Arrays.fill(oracle, at, at + v, 1f / v);
                }
            }
        }
    }
}
