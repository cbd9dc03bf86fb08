/** Benchmarks: steps per second, wall time and peak memory of training (TrainingBenchmark, run by samples/benchmark.sh, alternating with the PyTorch twin) and of each baseline (EvaluationBenchmark, samples/evaluation-benchmark.sh). */
package org.iclab.samples.benchmark;
