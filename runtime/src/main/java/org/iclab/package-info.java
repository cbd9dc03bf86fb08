/**
 * iclab's one entry point, {@link org.iclab.Iclab}: the vocabulary of experiments as static factories
 * ({@code linearRegression}, {@code gpt2}, {@code adam}, {@code leastSquares}, ...) and {@code run}, which compiles,
 * trains, evaluates and writes a run directory.
 *
 * <p>The runtime's packages are layers; a package imports only from the layers before it (the facade, this package,
 * from all of them), and only {@code graph} and {@code engine} import TensorFlow or DJL. {@code LayersTest} reads
 * every import and fails on an arrow that runs back up this order:
 * <pre>
 * layers: spec, io, task, baseline, engine, graph, train, eval, probe, report, claim
 * </pre>
 * Each word of the vocabulary is registered by the package that implements it ({@link org.iclab.spec.Registration}).
 */
package org.iclab;
