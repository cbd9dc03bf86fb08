/** Function classes and token tasks: the records of the {@code task} setting ({@code linearRegression}, {@code markovChain}, {@code conjunction}, ...), each with its objective, default baselines and rules. The implementations live in the packages that register them. */
package org.iclab.spec.task;
