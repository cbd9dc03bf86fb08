/** Evaluation strategies: the records of {@code evaluate.strategies} ({@code standard}, {@code scaledX}, {@code outside}, the bursty test sets, ...). The implementations live in the packages that register them. */
package org.iclab.spec.strategy;
