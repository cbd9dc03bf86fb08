/**
 * Findings as checks: a {@link org.iclab.claim.Claim} states what a paper found as a check over a script's own
 * results ({@link org.iclab.claim.Results}: the error, accuracy or any {@code eval.json} column of a learner at k, a
 * metric along training, a probe score by layer, a sweep along an axis), {@link org.iclab.claim.Outcome} weighs it
 * over seeds, and {@link org.iclab.claim.Reproduction} records the whole act with its provenance and renders its page.
 * The layer above {@code report}: it reads run directories, never writes them.
 */
package org.iclab.claim;
