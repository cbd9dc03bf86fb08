package org.iclab.spec.strategy;

import org.iclab.spec.Setting;
import org.iclab.spec.Word;
import org.iclab.spec.task.BurstyClassification;
/**
 * Reddy's in-context test set of a {@link BurstyClassification}: every sequence bursty, with novel classes (fresh
 * means, distinct random labels), so that only the context tells the query's label.
 *
 * <pre>
 * Java:   Iclab.inContext()  Groovy:  strategies inContext(), flippedLabels(), inWeights()
 * </pre>
 */
@Setting("burstyClassification's in-context test set: bursty sequences of novel classes.")
@Word("inContext")
public record InContext() implements BurstyTestSet {
}
