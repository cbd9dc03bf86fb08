/**
 * Small programs that use iclab's fluent Java API as a researcher would (the build runs them): a whole experiment
 * ({@code LinearRegressionSample}) and analyses of a finished run ({@code GradientDescentComparison},
 * {@code TeachingPrefix}). Beside them, by role: {@code benchmark}, {@code robustness} and {@code figures}.
 */
package org.iclab.samples;
