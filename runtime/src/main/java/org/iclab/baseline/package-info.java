/**
 * Classical in-context learners (least squares, nearest neighbours, averaging) that predict y_{k+1} from the first
 * k examples of a prompt, for every k at once. Plain Java over EJML; no TensorFlow.
 */
package org.iclab.baseline;
