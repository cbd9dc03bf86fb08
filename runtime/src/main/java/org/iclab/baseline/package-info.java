/**
 * Classical in-context learners that predict y_{k+1} from the first k examples of a prompt, for every k at once:
 * least squares, nearest neighbours, averaging, and Garg et al.'s further baselines (ridge, Lasso, greedy tree,
 * gradient boosting as XGBoost's hist method fits it, a gradient-descent-trained ReLU network, zero). Plain Java over
 * EJML; no TensorFlow. (XGBoost4J is a test dependency: the tests check the booster and the greedy tree against it.)
 */
package org.iclab.baseline;
