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
#   bash samples/benchmark.sh --compare-pytorch [--rounds R] [--threads T] [--pairs] [--no-xla] [MODEL:D:N ...]
#                                        iclab (executor), iclab --xla (unless --no-xla) and ../shared/bench/pytorch_twin.py
#                                        alternately, R rounds (default 2) of each configuration (default tiny:5:11
#                                        small:20:41 standard:5:11 standard:20:41) on T threads (default 2); with --pairs
#                                        two processes of each side at once (their steps/s summed, the larger peak RSS);
#                                        then per configuration and iclab variant the medians of steps/s and peak RSS and
#                                        their ratios to PyTorch's. Needs Debian's python3-torch (apt-get install -y
#                                        python3-torch libopenblas0-openmp); OpenBLAS's OpenMP build is used where present.
#   bash samples/benchmark.sh --seeds [--rounds R] [SCRIPT ...]
#                                        seeds per hour of ./iclab sweep over 1, 2, 3 and 4 seeds of each script (default
#                                        samples/seeds/tiny.groovy and samples/seeds/tokens.groovy): one after another on
#                                        all threads (--parallel 1), side by side on one thread each (--parallel N), and for
#                                        N above the cores, as many at once as cores (--parallel CORES), alternating, R rounds
#                                        (default 1); wall time and the peak resident memory of the sweep's process (its runs
#                                        share it)
#   bash samples/benchmark.sh --paths   the executor against --xla for each architecture of --architectures at 1 and
#                                        2 threads (d 5, 11 points), alternating: steps/s, their ratio and peak RSS
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
  rounds=2; threads=2; pairs=""; variants=(executor xla)
  while [[ "${1:-}" == --* ]]; do
    case "$1" in
      --rounds) rounds="$2"; shift 2 ;;
      --threads) threads="$2"; shift 2 ;;
      --pairs) pairs=yes; shift ;;
      --no-xla) variants=(executor); shift ;;
      *) echo "benchmark.sh --compare-pytorch: unknown option $1" >&2; exit 2 ;;
    esac
  done
  configs=("$@")
  [[ ${#configs[@]} -eq 0 ]] && configs=(tiny:5:11 small:20:41 standard:5:11 standard:20:41)
  median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
  field() { sed -E "s/.* $1=([0-9.]+).*/\\1/" <<< "$2"; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # one measurement of a side: "STEPS_PER_S PEAK_MB"; with --pairs two processes side by side, their steps/s summed
  # and the larger peak (each process's own)
  measure() {
    local side="$1"; shift
    local copies=1; [[ -n "$pairs" ]] && copies=2
    for ((c = 1; c <= copies; c++)); do
      case "$side" in
        executor) run "$@" > "$work/out$c" 2>&1 & ;;
        xla) run "$@" --xla > "$work/out$c" 2>&1 & ;;
        torch) LD_LIBRARY_PATH="$blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$python" "$twin" --bench "$@" > "$work/out$c" 2>&1 & ;;
      esac
    done
    wait
    local sps=0 mb=0 line
    for ((c = 1; c <= copies; c++)); do
      line=$(grep '^RESULT' "$work/out$c") || { cat "$work/out$c" >&2; exit 1; }
      echo "$line" >&2
      if [[ "$side" == torch ]]; then
        sps=$(awk -v a="$sps" -v b="$(field steps_per_s_median "$line")" 'BEGIN {print a + b}')
        mb=$(awk -v a="$mb" -v b="$(field hwm_mb "$line")" 'BEGIN {print (b > a ? b : a)}')
      else
        sps=$(awk -v a="$sps" -v b="$(field steps_per_s "$line")" 'BEGIN {print a + b}')
        mb=$(awk -v a="$mb" -v b="$(field peak_rss_mb "$line")" 'BEGIN {print (b > a ? b : a)}')
      fi
    done
    echo "$sps $mb"
  }
  summary=()
  for config in "${configs[@]}"; do
    IFS=: read -r model d n <<< "$config"
    # the same measurement on both sides: warm-up steps, then timed repetitions (median steps/s), batch 64
    warmup=10; reps=5; per=50
    if [[ "$model" != tiny ]]; then warmup=3; reps=3; per=10; fi
    if [[ "$model" == standard && "$d" -ge 20 ]]; then warmup=2; reps=3; per=3; fi
    args=(--model "$model" --d "$d" --n "$n" --threads "$threads" --warmup "$warmup" --reps "$reps" --steps-per-rep "$per")
    declare -A sps=() mb=()
    for ((r = 1; r <= rounds; r++)); do # alternating: each iclab variant, then PyTorch
      for side in "${variants[@]}" torch; do
        read -r s m < <(measure "$side" "${args[@]}")
        sps[$side]+="$s "; mb[$side]+="$m "
      done
    done
    ts=$(tr ' ' '\n' <<< "${sps[torch]}" | grep . | median); tm=$(tr ' ' '\n' <<< "${mb[torch]}" | grep . | median)
    for variant in "${variants[@]}"; do
      is=$(tr ' ' '\n' <<< "${sps[$variant]}" | grep . | median); im=$(tr ' ' '\n' <<< "${mb[$variant]}" | grep . | median)
      summary+=("$(awk -v c="$config" -v v="$variant" -v t="$threads" -v p="${pairs:-no}" -v is="$is" -v ts="$ts" -v im="$im" -v tm="$tm" \
        -v a="${sps[$variant]}" -v b="${sps[torch]}" -v ma="${mb[$variant]}" -v mt="${mb[torch]}" \
        'BEGIN {printf "COMPARE %s iclab=%s threads=%s pairs=%s steps_per_s=%s torch_steps_per_s=%s speed_ratio=%.2f peak_rss_mb=%s torch_peak_rss_mb=%s memory_ratio=%.2f runs=[%s] torch_runs=[%s] rss_runs=[%s] torch_rss_runs=[%s]", c, v, t, p, is, ts, is / ts, im, tm, im / tm, a, b, ma, mt}')")
    done
    unset sps mb
  done
  printf '%s\n' "${summary[@]}"
  exit 0
fi
if [[ "${1:-}" == "--seeds" ]]; then
  shift
  rounds=1
  if [[ "${1:-}" == "--rounds" ]]; then rounds="$2"; shift 2; fi
  scripts=("$@")
  [[ ${#scripts[@]} -eq 0 ]] && scripts=(samples/seeds/tiny.groovy samples/seeds/tokens.groovy)
  cores=$(nproc)
  ./iclab check "${scripts[@]}" > /dev/null # builds the launcher's distribution once, outside the timings
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  for ((r = 1; r <= rounds; r++)); do
    for script in "${scripts[@]}"; do
      for n in 1 2 3 4; do
        modes=("1:$cores" "$n:$n") # --parallel:--threads; one at a time on all threads, then n at once on one thread each
        ((n > cores)) && modes+=("$cores:$cores")
        for mode in "${modes[@]}"; do
          IFS=: read -r p t <<< "$mode"
          rm -rf "$work/sweep"
          /usr/bin/time -f "%e %M" -o "$work/time" ./iclab sweep "$script" --axis "seed=1..$n" --parallel "$p" --threads "$t" \
            --out "$work/sweep" > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
          read -r wall kb < "$work/time"
          awk -v s="$script" -v n="$n" -v p="$p" -v t="$t" -v w="$wall" -v kb="$kb" 'BEGIN {
            printf "SEEDS script=%s seeds=%d parallel=%d threads_each=%d wall_s=%.1f seeds_per_hour=%.1f peak_rss_mb=%.0f\n",
              s, n, p, (t / p >= 1 ? int(t / p) : 1), w, n * 3600 / w, kb / 1024 }'
        done
      done
    done
  done
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
if [[ "${1:-}" == "--paths" ]]; then
  # the executor against XLA per architecture at 1 and 2 threads (d 5, 11 points), alternating
  for arch in tiny attentionOnly linearAttention looped lstm gru retnet mamba; do
    for t in 1 2; do
      e=$(run --model "$arch" --d 5 --n 11 --threads "$t" --warmup 5 --reps 3 --steps-per-rep 20 | grep '^RESULT')
      x=$(run --model "$arch" --d 5 --n 11 --threads "$t" --warmup 5 --reps 3 --steps-per-rep 20 --xla | grep '^RESULT')
      f() { sed -E "s/.* $1=([0-9.]+).*/\\1/" <<< "$2"; }
      awk -v a="$arch" -v t="$t" -v es="$(f steps_per_s "$e")" -v xs="$(f steps_per_s "$x")" -v em="$(f peak_rss_mb "$e")" \
        -v xm="$(f peak_rss_mb "$x")" 'BEGIN {printf "PATHS model=%s threads=%s executor_steps_per_s=%s xla_steps_per_s=%s xla_ratio=%.2f executor_peak_rss_mb=%s xla_peak_rss_mb=%s\n", a, t, es, xs, xs / es, em, xm}'
    done
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
