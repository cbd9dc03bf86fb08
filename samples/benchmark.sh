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
#   bash samples/benchmark.sh --compare-pytorch [--rounds R] [MODEL:D:N ...]
#                                        iclab (executor), iclab --xla and ../shared/bench/pytorch_twin.py alternately,
#                                        R rounds (default 2) of each configuration (default tiny:5:11 small:20:41
#                                        standard:5:11 standard:20:41), then per configuration and iclab variant the
#                                        medians of steps/s and peak RSS and their ratios to PyTorch's. Needs Debian's python3-torch (apt-get install -y
#                                        python3-torch libopenblas0-openmp); OpenBLAS's OpenMP build is used where present.
#   ICLAB_BENCH_JAVA_OPTS="..."          extra JVM options for the iclab side (after dsl/jvm.options)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install -pl samples -am
cp="samples/target/classes:$(cat samples/target/classpath.txt)"
export TF_CPP_MIN_LOG_LEVEL=2
# shellcheck disable=SC2086
run() { java @dsl/jvm.options ${ICLAB_BENCH_JAVA_OPTS:-} -cp "$cp" org.iclab.samples.benchmark.TrainingBenchmark "$@"; }
if [[ "${1:-}" == "--compare-pytorch" ]]; then
  shift
  twin="$(cd .. && pwd)/shared/bench/pytorch_twin.py"
  python=/usr/bin/python3
  if [[ ! -f "$twin" ]]; then
    echo "benchmark.sh: --compare-pytorch needs the PyTorch twin at $twin" >&2; exit 2
  fi
  if ! "$python" -c 'import torch' 2>/dev/null; then
    echo "benchmark.sh: --compare-pytorch needs PyTorch for $python: apt-get install -y python3-torch libopenblas0-openmp" >&2; exit 2
  fi
  blas=/usr/lib/x86_64-linux-gnu/openblas-openmp # without it Debian's reference BLAS is ~10x slower
  rounds=2
  if [[ "${1:-}" == "--rounds" ]]; then rounds="$2"; shift 2; fi
  configs=("$@")
  [[ ${#configs[@]} -eq 0 ]] && configs=(tiny:5:11 small:20:41 standard:5:11 standard:20:41)
  median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
  summary=()
  for config in "${configs[@]}"; do
    IFS=: read -r model d n <<< "$config"
    # the same measurement on both sides: warm-up steps, then timed repetitions (median steps/s), batch 64, 2 threads
    warmup=10; reps=5; per=50
    if [[ "$model" != tiny ]]; then warmup=3; reps=3; per=10; fi
    if [[ "$model" == standard && "$d" -ge 20 ]]; then warmup=2; reps=3; per=3; fi
    iclab_sps=(); iclab_mb=(); xla_sps=(); xla_mb=(); torch_sps=(); torch_mb=()
    field() { sed -E "s/.* $1=([0-9.]+).*/\\1/" <<< "$2"; }
    for ((r = 1; r <= rounds; r++)); do
      line=$(run --model "$model" --d "$d" --n "$n" --threads 2 --warmup "$warmup" --reps "$reps" --steps-per-rep "$per" | grep '^RESULT')
      echo "$line"
      iclab_sps+=("$(field steps_per_s "$line")"); iclab_mb+=("$(field peak_rss_mb "$line")")
      line=$(run --model "$model" --d "$d" --n "$n" --threads 2 --warmup "$warmup" --reps "$reps" --steps-per-rep "$per" --xla | grep '^RESULT')
      echo "$line"
      xla_sps+=("$(field steps_per_s "$line")"); xla_mb+=("$(field peak_rss_mb "$line")")
      line=$(LD_LIBRARY_PATH="$blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$python" "$twin" --bench --model "$model" --d "$d" --n "$n" \
        --threads 2 --warmup "$warmup" --reps "$reps" --steps-per-rep "$per" | grep '^RESULT')
      echo "$line"
      torch_sps+=("$(field steps_per_s_median "$line")"); torch_mb+=("$(field hwm_mb "$line")")
    done
    ts=$(printf '%s\n' "${torch_sps[@]}" | median); tm=$(printf '%s\n' "${torch_mb[@]}" | median)
    for variant in executor xla; do
      if [[ $variant == executor ]]; then sps=("${iclab_sps[@]}"); mb=("${iclab_mb[@]}"); else sps=("${xla_sps[@]}"); mb=("${xla_mb[@]}"); fi
      is=$(printf '%s\n' "${sps[@]}" | median); im=$(printf '%s\n' "${mb[@]}" | median)
      summary+=("$(awk -v c="$config" -v v="$variant" -v is="$is" -v ts="$ts" -v im="$im" -v tm="$tm" -v a="${sps[*]}" -v b="${torch_sps[*]}" \
        -v ma="${mb[*]}" -v mt="${torch_mb[*]}" \
        'BEGIN {printf "COMPARE %s iclab=%s steps_per_s=%s torch_steps_per_s=%s speed_ratio=%.2f peak_rss_mb=%s torch_peak_rss_mb=%s memory_ratio=%.2f runs=[%s] torch_runs=[%s] rss_runs=[%s] torch_rss_runs=[%s]", c, v, is, ts, is / ts, im, tm, im / tm, a, b, ma, mt}')")
    done
  done
  printf '%s\n' "${summary[@]}"
  exit 0
fi
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
