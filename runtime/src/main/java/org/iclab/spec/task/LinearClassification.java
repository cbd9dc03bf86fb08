package org.iclab.spec.task;

import org.iclab.spec.Objective;
import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.baseline.Averaging;
import org.iclab.spec.baseline.Baseline;
import org.iclab.spec.baseline.NearestNeighbors;
/**
 * Linear classification (Garg et al. 2022): per prompt w ~ N(0, I_d), y = sign(w·x) in {-1, +1} (sign(0) = +1).
 * The model is trained with the logistic loss on its output as a logit, and every learner is scored by the sign of
 * its prediction: the error is 1 − accuracy.
 *
 * <pre>
 * Java:   Iclab.linearClassification(20)          Groovy:  task linearClassification(dims: 20)
 * </pre>
 */
@Setting("Linear classification (Garg et al.): per prompt w ~ N(0, I_d), y = sign(w.x); trained with the logistic loss, "
        + "scored by classification error (1 - accuracy).")
@Word("linearClassification")
public record LinearClassification(@Setting(value = "Input dimension d.", range = "> 0") int dims) implements Task {
    public LinearClassification {
        Problems.in("task")
                .require(dims > 0, "dims", "must be > 0", dims)
                .throwIfAny();
    }

    @Override
    public Objective objective() {
        return Objective.logistic();
    }

    @Override
    public boolean hasWeights() {
        return true;
    }

    /** 3-NN and averaging: least squares predicts values, not labels (Garg et al.'s get_relevant_baselines). */
    @Override
    public java.util.List<Baseline> defaultBaselines() {
        return java.util.List.of(new NearestNeighbors(3), new Averaging());
    }
}
