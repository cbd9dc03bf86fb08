#!/usr/bin/env bash
# Training-speed benchmark: steps/s (median of reps after warm-up), wall time and peak resident memory for the tiny,
# small and standard GPT-2 at (d 5, 11 points) and (d 20, 41 points), batch 64; then time-to-ICL of the tiny model.
# One JVM per configuration, so each peak-memory figure is its own.
#   bash samples/benchmark.sh            all configurations
#   bash samples/benchmark.sh --quick    tiny d5 n11 only
#   bash samples/benchmark.sh --tasks    tiny d20 n41 on each of Garg et al.'s function classes
#   bash samples/benchmark.sh --architectures   d5 n11 and d20 n41: tiny GPT-2, attention-only, linear attention
#                                        (3 layers, 64 wide, stacked), looped (1 tiny layer x 10 loops, window 5), LSTM (2 x 64),
#                                        GRU (2 x 64), RetNet (3 layers, 2 heads, 64 wide), Mamba (2 layers, 64 wide, state 16)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install -pl samples -am
cp="samples/target/classes:$(cat samples/target/classpath.txt)"
export TF_CPP_MIN_LOG_LEVEL=2
run() { java -Xmx2g -cp "$cp" org.iclab.samples.TrainingBenchmark "$@"; }
if [[ "${1:-}" == "--tasks" ]]; then
  for task in linearRegression sparseLinearRegression noisyLinearRegression linearClassification quadraticRegression reluNetwork decisionTree; do
    run --model tiny --task "$task" --d 20 --n 41
  done
  exit 0
fi
if [[ "${1:-}" == "--architectures" ]]; then
  for arch in tiny attentionOnly linearAttention looped lstm gru retnet mamba; do
    run --model "$arch" --d 5 --n 11
    run --model "$arch" --d 20 --n 41 --reps 3 --steps-per-rep 20
  done
  exit 0
fi
if [[ "${1:-}" == "--quick" ]]; then
  run --model tiny --d 5 --n 11
  exit 0
fi
for size in tiny small standard; do
  run --model "$size" --d 5 --n 11
  reps=5; per=50
  [[ "$size" == "standard" ]] && { reps=3; per=10; }
  run --model "$size" --d 20 --n 41 --reps "$reps" --steps-per-rep "$per"
done
run --time-to-icl
