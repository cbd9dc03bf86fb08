/**
 * Evaluation probes: what a trained model computes, read layer by layer from its hidden states. Closed-form targets
 * of each prompt's context ({@link org.iclab.probe.Targets}: least squares, moments, gradient-descent and Newton
 * iterates), ridge probes fitted on one set of prompts and scored on held-out ones, per-layer read-outs, the
 * alignment of layers with an algorithm's iterates, controls and attention maps ({@link org.iclab.probe.Probes}).
 * Hidden states are captured one layer at a time, at the prediction tokens only ({@link org.iclab.probe.LayerCapture}),
 * so a probe never holds a whole activation cache. Plain Java over {@link org.iclab.graph.CompiledModel}'s public
 * endpoints; the files and figures are written by {@code org.iclab.report}.
 */
package org.iclab.probe;
