/**
 * The sweep engine: a declared experiment expanded over its axes into points ({@link org.iclab.sweep.Sweep}), each an
 * ordinary run directory under the sweep's folder, run locally with a core budget per point or through a
 * {@link org.iclab.sweep.SweepBackend} (the optional Spark module), resumed by config hash, and gathered into
 * {@code sweep.csv}, {@code sweep.json}, figures and a report ({@link org.iclab.sweep.SweepTable}). The command line
 * ({@code org.iclab.cli}) and the Spark module use it; it uses neither.
 */
package org.iclab.sweep;
