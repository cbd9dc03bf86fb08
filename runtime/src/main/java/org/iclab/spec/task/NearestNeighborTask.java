package org.iclab.spec.task;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * The nearest-neighbour class: the first {@code start} labels are uniform ±1 (an input equal to an earlier one copies
 * its label); each later label copies the label of the most similar earlier input (cosine similarity, which on the
 * cube is Hamming distance; the earliest wins ties). The learner that explains the prompts is 1-NN.
 *
 * <pre>
 * Java:   Iclab.nearestNeighbor(12)           Groovy:  task nearestNeighbor(dims: 12, start: 10)
 * </pre>
 */
@Setting("Each label after the first `start` (random) copies the label of the most similar earlier input.")
@Word("nearestNeighbor")
public record NearestNeighborTask(@Setting(value = BooleanTask.DIMS, range = "> 0") int dims,
                                  @Setting(value = "Points whose labels are random; every later label copies its nearest earlier neighbour's.", range = "[1, 1000]") int start,
                                  @Setting(value = BooleanTask.LABEL_NOISE, range = "[0, 0.5)") double labelNoise) implements BooleanTask {
    public NearestNeighborTask {
        BooleanTask.check(dims, labelNoise)
                .require(start >= 1 && start <= 1000, "start", "must be in [1, 1000]", start)
                .throwIfAny();
    }

    /** The reference's class: start 10, no label noise. */
    public NearestNeighborTask(int dims) {
        this(dims, 10, 0);
    }
}
