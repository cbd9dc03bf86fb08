package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Elimination;
/**
 * Conjunctions taught first: per prompt each coordinate is a positive literal with probability .3. The prompt opens
 * with the class's teaching sequence, m + 1 examples for m literals: every literal +1 and every other coordinate −1
 * (the one positive), then that input with one literal flipped to −1, literal by literal (each a negative). The rest
 * are uniform, each forced to satisfy the conjunction with probability .4. Examples past the prompt's length are cut.
 *
 * <pre>
 * Java:   Iclab.teachConjunction(12)          Groovy:  task teachConjunction(dims: 12)
 * </pre>
 */
@Setting("Monotone conjunction (each coordinate with p .3) whose prompt opens with its teaching sequence of m + 1 examples; then 40% forced positive.")
@Word("teachConjunction")
public record TeachConjunction(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                               @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public TeachConjunction {
        BooleanTask.check(dims, labelNoise)
                .throwIfAny();
    }

    /** The reference's class: no label noise. */
    public TeachConjunction(int dims) {
        this(dims, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Elimination();
    }
}
