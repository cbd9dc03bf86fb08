package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.BurstyClassification;
/**
 * Reddy's in-weights test set of a {@link BurstyClassification}: no bursts, every item and the query of known classes
 * drawn independently from the class frequencies, so the context rarely holds the query's class and its label must
 * come from the weights.
 *
 * <pre>
 * Java:   Iclab.inWeights()  Groovy:  strategies inContext(), flippedLabels(), inWeights()
 * </pre>
 */
@Setting("burstyClassification's in-weights test set: known classes drawn independently, no bursts.")
@Word("inWeights")
public record InWeights() implements BurstyTestSet {
}
