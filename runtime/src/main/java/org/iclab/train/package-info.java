/**
 * Training: the step loop over seeded batches with the curriculum applied, logging to listeners, and checkpoints
 * ({@code checkpoint/latest} and {@code checkpoint/last-good}) from which a run can be resumed.
 */
package org.iclab.train;
