package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.Elimination;
/**
 * Sparse disjunctions: per prompt {@code literals} distinct coordinates, chosen uniformly, are positive literals; y = +1
 * iff one of them is +1. Each point is forced, with probability .3, to falsify every literal.
 *
 * <pre>
 * Java:   Iclab.sparseDisjunction(12)         Groovy:  task sparseDisjunction(dims: 12, literals: 4)
 * </pre>
 */
@Setting("Disjunction of `literals` positive literals on uniformly chosen coordinates; 30% of points forced to falsify it.")
@Word("sparseDisjunction")
public record SparseDisjunction(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                                @Setting(value = "Positive literals of the disjunction.", range = "[1, dims]") int literals,
                                @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask.Halfspace {
    public SparseDisjunction {
        BooleanTask.check(dims, labelNoise)
                .require(literals >= 1 && literals <= dims, "literals", "must be in [1, dims]", literals)
                .throwIfAny();
    }

    /** The reference's class: literals 4, no label noise. */
    public SparseDisjunction(int dims) {
        this(dims, 4, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new Elimination(Elimination.DISJUNCTION);
    }
}
