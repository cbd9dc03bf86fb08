/** Measures taken during training ({@code train.measures}): the induction score, the in-context-learning score. The implementations live in the packages that register them. */
package org.iclab.spec.measure;
