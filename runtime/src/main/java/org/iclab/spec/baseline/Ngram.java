package org.iclab.spec.baseline;

import org.iclab.spec.Extension;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.Task;
/**
 * The in-context n-gram with back-off, fitted on the prompt itself: at each position, the next-token distribution
 * interpolates the counts of the last n − 1 tokens' context in the sequence so far with the (n − 1)-gram's
 * distribution, down to the uniform one: p_L(v) = (c(ctx_L, v) + p_{L−1}(v)) / (c(ctx_L) + 1) for context lengths
 * L = 0 .. n − 1, with p_{−1} uniform (a Dirichlet back-off of strength 1; a level whose context has not been seen is
 * its lower level). For token tasks. Named {@code ngram(n)} in results.
 *
 * <pre>
 * Java:   Iclab.ngram(3)                      Groovy:  ngram(n: 3)
 * </pre>
 */
@Setting("In-context n-gram with back-off to shorter contexts and to uniform, fitted on the sequence so far (token tasks).")
@Word("ngram")
public record Ngram(@Setting(value = "Order: the next token is predicted from the previous n - 1.", range = "[1, 8]") int n) implements Baseline {
    public Ngram {
        Problems.in("evaluate.baselines.ngram").require(n >= 1 && n <= 8, "n", "must be in [1, 8]", n).throwIfAny();
    }

    @Override
    public String learnerName() {
        return Extension.wordOf(getClass()) + "(" + n + ")";
    }

    @Override
    public String cannotScore(Task task) {
        return Baseline.tokensOnly(task);
    }
}
