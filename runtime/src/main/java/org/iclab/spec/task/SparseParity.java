package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.GaussianElimination;
/**
 * Sparse parities: per prompt a subset of {@code k} distinct coordinates, chosen uniformly; y = +1 iff an odd number
 * of them are +1.
 *
 * <pre>
 * Java:   Iclab.sparseParity(12)              Groovy:  task sparseParity(dims: 12, k: 2)
 * </pre>
 */
@Setting("Parity of `k` uniformly chosen coordinates: y = +1 iff an odd number of them are +1.")
@Word("sparseParity")
public record SparseParity(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                           @Setting(value = "Coordinates in the parity.", range = "[1, dims]") int k,
                           @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public SparseParity {
        BooleanTask.check(dims, labelNoise)
                .require(k >= 1 && k <= dims, "k", "must be in [1, dims]", k)
                .throwIfAny();
    }

    /** The reference's class: k 2, no label noise. */
    public SparseParity(int dims) {
        this(dims, 2, 0);
    }

    @Override
    public Baseline ownLearner() {
        return new GaussianElimination();
    }
}
