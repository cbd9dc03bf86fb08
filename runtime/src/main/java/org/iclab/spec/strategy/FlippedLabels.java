package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.BurstyClassification;
/**
 * Reddy's in-context test set with flipped labels, of a {@link BurstyClassification}: bursty sequences of the known
 * classes whose label tokens all show label + 1 mod L, the query scored against the label its context shows. A model
 * that answers from its weights gets these wrong.
 *
 * <pre>
 * Java:   Iclab.flippedLabels()  Groovy:  strategies inContext(), flippedLabels(), inWeights()
 * </pre>
 */
@Setting("burstyClassification's test set of known classes with every label shifted by one, scored against the context's labels.")
@Word("flippedLabels")
public record FlippedLabels() implements BurstyTestSet {
}
