package org.iclab.spec.baseline;

import org.iclab.spec.Problems;
import org.iclab.spec.Setting;
import org.iclab.spec.Word;
/**
 * Average of the y of the k nearest examples seen so far (uniform weights, as Garg et al.).
 * Java: {@code Iclab.nearestNeighbors(3)}; Groovy: {@code nearestNeighbors(k: 3)}.
 */
@Setting("Average of the y of the k nearest examples seen so far.")
@Word("nearestNeighbors")
public record NearestNeighbors(@Setting(value = "Neighbours averaged.", range = "> 0") int k) implements Baseline {
    public NearestNeighbors {
        Problems.in("evaluate.baselines.nearestNeighbors").require(k > 0, "k", "must be > 0", k).throwIfAny();
    }

}
