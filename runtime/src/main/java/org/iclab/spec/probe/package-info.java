/** Probes: the probe kinds of the {@code probes} block and the words they take (targets, algorithms, control tasks). The implementations live in the packages that register them. */
package org.iclab.spec.probe;
