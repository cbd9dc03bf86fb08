/**
 * The graph compiler: turns an {@link org.iclab.spec.Experiment} into one TensorFlow graph (inputs, predictions,
 * loss, gradients, the gradient fence and Adam) and runs it in a {@link org.tensorflow.Session}. With
 * {@code org.iclab.engine}, the only package that imports TensorFlow.
 */
package org.iclab.graph;
