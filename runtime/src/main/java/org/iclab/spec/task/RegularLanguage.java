package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Span;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Ngram;
import org.iclab.spec.baseline.Oracle;
import org.iclab.spec.score.StringError;
import org.iclab.spec.score.TokenScores;
/**
 * In-context language learning (Akyürek et al. 2024, RegBench): each prompt is strings of one random regular language,
 * a fresh automaton per prompt. The automaton has a uniform number of {@code states} (start state 0, every state
 * accepting), uses {@code alphabet} symbols drawn from the 18 of the vocabulary, and each state has a uniform number
 * of outgoing {@code edges}, on distinct symbols, to distinct other states (no self-loops); it is then trimmed to the
 * states reachable from the start and minimised. A prompt is a uniform number of {@code strings}, each a uniform
 * random walk of a uniform {@code stringLength} from the start state, joined by the separator and padded. The vocabulary is
 * 20 tokens: 0 the padding, 1–18 the symbols, 19 the separator; targets that are the separator or padding are not
 * scored, as in the reference. (The reference's {@code length} setting is {@code stringLength} here: a token task's
 * {@code length} is the length of its whole sequence.)
 *
 * <pre>
 * Java:   Iclab.regularLanguage()             Groovy:  task regularLanguage(states: 4..12, alphabet: 4..18, edges: 1..3, strings: 10..19, stringLength: 1..49)
 * </pre>
 */
@Setting("A fresh random regular language per prompt (minimised DFA, RegBench's sampler); strings of random walks joined by a separator.")
@Word("regularLanguage")
public record RegularLanguage(
        @Setting(value = "States of the automaton before minimisation.", range = "2..30, min > edges.max") Span states,
        @Setting(value = "Symbols the automaton uses, drawn from the vocabulary's 18.", range = "edges.max..18") Span alphabet,
        @Setting(value = "Outgoing edges of each state, on distinct symbols to distinct other states.", range = "1..17") Span edges,
        @Setting(value = "Strings in one prompt.", range = "1..100") Span strings,
        @Setting(value = "Symbols in one string.", range = "1..200") Span stringLength) implements TokenTask {
    /** Symbols of the vocabulary (ids 1..18). */
    public static final int SYMBOLS = 18;
    public static final int PAD = 0;
    public static final int SEPARATOR = SYMBOLS + 1;
    public static final int VOCABULARY = SYMBOLS + 2;

    public RegularLanguage {
        Problems p = Problems.in("task");
        p.requirePresent(states, "states").requirePresent(alphabet, "alphabet").requirePresent(edges, "edges")
                .requirePresent(strings, "strings").requirePresent(stringLength, "stringLength").throwIfAny();
        p.require(edges.min() >= 1 && edges.max() <= SYMBOLS - 1, "edges", "must lie in 1..17", edges)
                .require(states.min() > edges.max() && states.max() <= 30, "states", "must lie in 2..30 with min > edges.max", states)
                .require(alphabet.min() >= edges.max() && alphabet.max() <= SYMBOLS, "alphabet", "must lie in edges.max..18", alphabet)
                .require(strings.min() >= 1 && strings.max() <= 100, "strings", "must lie in 1..100", strings)
                .require(stringLength.min() >= 1 && stringLength.max() <= 200, "stringLength", "must lie in 1..200", stringLength)
                .throwIfAny();
    }

    /** RegBench's setting: 4–12 states, 4–18 symbols, 1–3 edges, 10–19 strings of 1–49 symbols. */
    public RegularLanguage() {
        this(new Span(4, 12), new Span(4, 18), new Span(1, 3), new Span(10, 19), new Span(1, 49));
    }

    @Override
    public int vocabulary() {
        return VOCABULARY;
    }

    /** The longest prompt: the most strings of the most symbols, with a separator between strings. */
    @Override
    public int length() {
        return strings.max() * (stringLength.max() + 1) - 1;
    }

    @Override
    public boolean hasOracle() {
        return true;
    }

    @Override
    public int separator() {
        return SEPARATOR;
    }

    @Override
    public int padding() {
        return PAD;
    }

    @Override
    public boolean hasLanguages() {
        return true;
    }

    /** At most one k a string. */
    @Override
    public int reportedKs(int points) {
        return strings.max();
    }

    /** k is the index of the string: a string's positions are scored together. */
    @Override
    public String unit() {
        return "string";
    }

    /** Scored by DFA accuracy: whether the greedy next token is one the automaton allows. */
    @Override
    public Objective objective() {
        return Objective.crossEntropy(VOCABULARY, new TokenScores.DfaError(), new TokenScores.TokenError(), new TokenScores.CrossEntropy(),
                new TokenScores.Tvd(), new StringError());
    }

    /** The oracle (uniform over the allowed next symbols) and the in-context 1-, 2- and 3-grams. */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new Oracle(), new Ngram(1), new Ngram(2), new Ngram(3));
    }
}
