/**
 * Classical in-context learners that predict y_{k+1} from the first k examples of a prompt, for every k at once:
 * least squares, nearest neighbours, averaging, and Garg et al.'s further baselines (ridge, Lasso, greedy tree,
 * gradient boosting through XGBoost4J, a gradient-descent-trained ReLU network, zero). Plain Java over EJML and
 * XGBoost4J; no TensorFlow.
 */
package org.iclab.baseline;
