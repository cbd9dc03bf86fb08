/**
 * iclab's one entry point, {@link org.iclab.Iclab}: the vocabulary of experiments as static factories
 * ({@code linearRegression}, {@code gpt2}, {@code adam}, {@code leastSquares}, ...) and {@code run}, which compiles,
 * trains, evaluates and writes a run directory.
 */
package org.iclab;
