package org.iclab.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iclab.task.TokenBatch;

/**
 * RegBench's in-context n-gram ({@code predict_with_n_gram_back_off} in berlino/seq_icl's {@code ngram.py}, with its
 * defaults: back-off, no add-one). After each prefix of the sequence:
 * <ul>
 * <li>the prefix is cut into examples at the separator (the current, partial example and an empty one right after a
 * separator included), each example preceded by n − 1 start symbols '_'; every window of 1 .. n symbols of every
 * padded example is counted (so '_' is counted too); separator and padding tokens are never counted or predicted;</li>
 * <li>the vocabulary V is the tokens seen so far; every other token gets probability 0;</li>
 * <li>the context h is the last n − 1 symbols of the padded current example;</li>
 * <li>P_1(c) = c(c) / (all unigram counts, '_' included); for order m ≥ 2 and context h of m − 1 symbols:
 * P_m(c | h) = c(h c) / c(h) where h c was seen (c(h) counts every occurrence of h, also at an example's end); else
 * β · P_{m−1}(c | h') / Σ_{u ∈ U} P_{m−1}(u | h'), with h' = h without its first symbol, U the tokens of V never
 * seen after h, and β = 1 − Σ_{v ∉ U} c(h v) / c(h);</li>
 * <li>the row is P_n(· | h), not normalised again: where every token of V was seen after h it sums to 1 − β &lt; 1, as
 * in the reference.</li>
 * </ul>
 * Counts grow one token at a time rather than being rebuilt for each prefix; the counts are the same.
 */
final class KatzNgramLearner implements TokenLearner {
    private final int n;
    private final int separator;
    private final int padding;

    KatzNgramLearner(int n, int separator, int padding) {
        this.n = n;
        this.separator = separator;
        this.padding = padding;
    }

    @Override
    public void predict(TokenBatch batch, int sequence, double[] out) {
        int v = batch.vocabulary();
        int start = v; // the start symbol '_', outside the vocabulary
        List<Map<Long, Integer>> counts = new ArrayList<>(); // counts.get(m): windows of m symbols (index 0 unused)
        for (int m = 0; m <= n; m++) {
            counts.add(new HashMap<>());
        }
        long[] unigramTotal = {0};
        boolean[] seen = new boolean[v];
        List<Integer> current = new ArrayList<>();
        beginExample(current, counts, unigramTotal, start);
        for (int t = 0; t < batch.length(); t++) {
            int id = batch.id(sequence, t);
            if (id == separator) {
                beginExample(current, counts, unigramTotal, start);
            } else if (id != padding) {
                current.add(id);
                seen[id] = true;
                countWindowsEndingHere(current, counts, unigramTotal, start);
            }
            double[] row = distribution(n, context(current, n - 1), counts, unigramTotal[0], seen, start);
            System.arraycopy(row, 0, out, t * v, v);
        }
    }

    /** A new example: n − 1 start symbols, and the windows made only of them. */
    private void beginExample(List<Integer> current, List<Map<Long, Integer>> counts, long[] unigramTotal, int start) {
        current.clear();
        for (int i = 0; i < n - 1; i++) {
            current.add(start);
            countWindowsEndingHere(current, counts, unigramTotal, start);
        }
    }

    /** Counts the windows of 1 .. n symbols that end at the example's last symbol. */
    private void countWindowsEndingHere(List<Integer> current, List<Map<Long, Integer>> counts, long[] unigramTotal, int start) {
        int end = current.size();
        for (int m = 1; m <= n && m <= end; m++) {
            counts.get(m).merge(key(current.subList(end - m, end), start), 1, Integer::sum);
        }
        unigramTotal[0]++;
    }

    /** The last {@code length} symbols of the example. */
    private static List<Integer> context(List<Integer> current, int length) {
        return current.subList(current.size() - length, current.size());
    }

    /** P_m(· | h) over the whole vocabulary (0 outside the tokens seen so far). */
    private static double[] distribution(int m, List<Integer> h, List<Map<Long, Integer>> counts, long unigramTotal, boolean[] seen, int start) {
        int v = seen.length;
        double[] p = new double[v];
        if (m == 1) {
            for (int c = 0; c < v; c++) {
                if (seen[c]) {
                    p[c] = counts.get(1).getOrDefault(key(List.of(c), start), 0) / (double) unigramTotal;
                }
            }
            return p;
        }
        double ch = counts.get(m - 1).getOrDefault(key(h, start), 0);
        List<Integer> hc = new ArrayList<>(h);
        hc.add(0);
        double seenMass = 0;
        boolean anyUnseen = false;
        boolean[] unseen = new boolean[v];
        for (int c = 0; c < v; c++) {
            if (!seen[c]) {
                continue;
            }
            hc.set(hc.size() - 1, c);
            int chc = counts.get(m).getOrDefault(key(hc, start), 0);
            if (chc > 0) {
                p[c] = chc / ch;
                seenMass += p[c];
            } else {
                unseen[c] = true;
                anyUnseen = true;
            }
        }
        if (!anyUnseen) {
            return p;
        }
        double beta = 1 - seenMass;
        double[] lower = distribution(m - 1, h.subList(1, h.size()), counts, unigramTotal, seen, start);
        double unseenMass = 0;
        for (int c = 0; c < v; c++) {
            if (unseen[c]) {
                unseenMass += lower[c];
            }
        }
        for (int c = 0; c < v; c++) {
            if (unseen[c]) {
                p[c] = beta * lower[c] / unseenMass;
            }
        }
        return p;
    }

    /** A window of symbols as a number in base (vocabulary + 1), its length in the top bits so lengths never collide. */
    private static long key(List<Integer> window, int start) {
        long k = window.size();
        for (int s : window) {
            k = k * (start + 1) + s;
        }
        return k;
    }
}
