/** Optimizers: the records of {@code train.optimizer} ({@code adam}). The implementations live in the packages that register them. */
package org.iclab.spec.optimizer;
