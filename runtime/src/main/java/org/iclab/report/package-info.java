/**
 * The run directory: spec.json, env.json, metrics.jsonl, eval.csv/eval.json and the figures in plots/ (XChart, PNG
 * and SVG). Every file is written atomically (to a temporary sibling, then renamed) so a failed run never leaves a
 * half-written result.
 */
package org.iclab.report;
