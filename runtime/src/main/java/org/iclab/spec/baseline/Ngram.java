package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Task;
import java.util.List;
/**
 * The in-context n-gram, fitted on the prompt itself. With {@code smoothing: 'interpolated'} (the default): at each
 * position, the next-token distribution interpolates the counts of the last n − 1 tokens' context in the sequence so
 * far with the (n − 1)-gram's distribution, down to the uniform one: p_L(v) = (c(ctx_L, v) + p_{L−1}(v)) /
 * (c(ctx_L) + 1) for context lengths L = 0 .. n − 1, with p_{−1} uniform (a Dirichlet back-off of strength 1; a
 * level whose context has not been seen is its lower level). With {@code 'katz'}: RegBench's in-context n-gram
 * (Akyürek et al. 2024, {@code ngram.py} of berlino/seq_icl), counts within each example (string) with n − 1 start
 * symbols, no discount, back-off to the lower order's distribution over the unseen tokens only, and the tokens not yet
 * seen in the prompt at probability 0 ({@code baseline.KatzNgramLearner} has the formula). For token tasks. Named
 * {@code ngram(n)} and {@code ngram(n;katz)} in results.
 *
 * <pre>
 * Java:   Iclab.ngram(3)                      Groovy:  ngram(n: 3)
 *                                                      ngram(n: 3, smoothing: 'katz')
 * </pre>
 */
@Setting("In-context n-gram fitted on the sequence so far (token tasks): interpolated back-off to uniform, or RegBench's Katz-style back-off.")
@Word("ngram")
public record Ngram(@Setting(value = "Order: the next token is predicted from the previous n - 1.", range = "[1, 8]; [2, 8] for katz") int n,
                    @Setting(value = "'interpolated' (Dirichlet back-off to uniform) or 'katz' (RegBench's: counts within each example, "
                            + "back-off over unseen tokens, unseen symbols at 0).", range = "interpolated, katz") String smoothing) implements Baseline {
    public static final String INTERPOLATED = "interpolated";
    public static final String KATZ = "katz";

    public Ngram {
        smoothing = smoothing == null ? INTERPOLATED : smoothing; // spec.json written before smoothing existed has none
        Problems.in("evaluate.baselines.ngram").require(n >= 1 && n <= 8, "n", "must be in [1, 8]", n)
                .require(List.of(INTERPOLATED, KATZ).contains(smoothing), "smoothing", "must be 'interpolated' or 'katz'", "'" + smoothing + "'")
                .require(!KATZ.equals(smoothing) || n >= 2, "n", "must be at least 2 with smoothing 'katz' (RegBench's 1-gram is undefined)", n)
                .throwIfAny();
    }

    public Ngram(int n) {
        this(n, INTERPOLATED);
    }

    @Override
    public String learnerName() {
        return Extension.wordOf(getClass()) + "(" + n + (KATZ.equals(smoothing) ? ";katz" : "") + ")"; // results are comma-separated
    }

    @Override
    public String cannotScore(Task task) {
        String tokens = Baseline.tokensOnly(task);
        if (tokens != null) {
            return tokens;
        }
        // contexts are keyed as numbers in base (vocabulary + 1) with their length on top: they must fit in a long
        int v = ((org.iclab.spec.task.TokenTask) task).vocabulary();
        return (n + 1) * Math.pow(v + 1.0, n) < 0x1p62 ? null
                : "counts contexts of n tokens over a vocabulary of " + v + ": (V + 1)^n is too large for its keys; use a smaller n";
    }
}
