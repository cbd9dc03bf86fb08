#!/usr/bin/env bash
# Evaluation-speed benchmark of the classical baselines: wall time, prompts/s and peak resident memory of each
# baseline predicting every prefix of N linear-regression prompts (41 points, d 20), in parallel over prompts.
# One JVM per baseline, so each peak-memory figure is its own.
#   bash samples/evaluation-benchmark.sh                 N = 1280 (Garg et al.'s evaluation)
#   bash samples/evaluation-benchmark.sh --prompts 128   fewer prompts; other options go to EvaluationBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package -pl samples -am
cp="samples/target/classes:$(cat samples/target/classpath.txt)"
names=$(java -cp "$cp" org.iclab.samples.benchmark.EvaluationBenchmark --list)
while IFS= read -r name; do
  java @dsl/jvm.options -cp "$cp" org.iclab.samples.benchmark.EvaluationBenchmark --baseline "$name" "$@"
done <<< "$names"
