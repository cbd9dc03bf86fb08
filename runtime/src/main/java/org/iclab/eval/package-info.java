/**
 * Evaluation: squared error at every number of in-context examples k, normalised by the task's error scale, for
 * the model and each baseline on the same fixed prompts of each evaluation strategy, with a paired bootstrap
 * confidence interval.
 */
package org.iclab.eval;
