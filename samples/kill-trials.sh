#!/usr/bin/env bash
# Crash trials of ./iclab resume: a tiny run is killed with SIGKILL (kill -9) at a random logged step, resumed with
# ./iclab resume, and compared with an uninterrupted run: the losses of every step, eval.csv byte for byte, and the
# number of metrics.jsonl lines.
#   bash samples/kill-trials.sh [TRIALS] [SEED]     default 20 trials, seed 1; exit 1 if any trial differs
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-20}"
RANDOM="${2:-1}"
work="$(mktemp -d -t iclab-kill-XXXXXX)"
cat > "$work/trial.groovy" <<'GROOVY'
experiment('kill-trial') {
    task linearRegression(dims: 3)
    prompt interleaved(points: 5)
    model gpt2 { layers 1; heads 1; embed 8; positions 8 }
    train { steps 1500; batch 8; logEvery 25; checkpointEvery 100; evaluateEvery 500; evaluatePrompts 16 }
    evaluate { prompts 64; resamples 50; baselines leastSquares() }
}
GROOVY
./iclab run "$work/trial.groovy" --out "$work/reference" --threads 1 > "$work/reference.log"
last_step() { # the last training step logged (a line torn by the kill has no "loss" yet)
    local s
    s="$(grep -o '^{"step":[0-9]*,"loss"' "$1" 2>/dev/null | tail -1 | grep -o '[0-9][0-9]*' || true)"
    echo "${s:--1}"
}
compare() { python3 - "$1" "$2" <<'PY'
import json, sys
def read(d):
    losses, lines = {}, 0
    for line in open(d + "/metrics.jsonl"):
        lines += 1
        j = json.loads(line)
        if "loss" in j:
            if j["step"] in losses:
                return None, lines
            losses[j["step"]] = j["loss"]
    return losses, lines
a, la = read(sys.argv[1]); b, lb = read(sys.argv[2])
same_eval = open(sys.argv[1] + "/eval.csv").read() == open(sys.argv[2] + "/eval.csv").read()
print("identical" if a == b and a is not None and la == lb and same_eval else
      f"DIFFERENT (losses {'equal' if a == b else 'differ'}, lines {la} vs {lb}, eval.csv {'equal' if same_eval else 'differs'})")
PY
}
failed=0
counted=0
i=0
while [[ "$counted" -lt "$trials" && "$i" -lt $(( 2 * trials )) ]]; do
    i=$((i + 1))
    target=$(( 50 + RANDOM % 1350 ))
    dir="$work/trial-$i"
    ./iclab run "$work/trial.groovy" --out "$dir" --threads 1 > "$dir.log" 2>&1 &
    pid=$!
    while [[ "$(last_step "$dir/metrics.jsonl")" -lt "$target" ]] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    killed_at="$(last_step "$dir/metrics.jsonl")"
    if [[ -f "$dir/eval.json" ]]; then
        echo "trial $i: the run finished before the kill at step $target; not counted"
        continue
    fi
    ./iclab resume "$dir" --threads 1 > "$dir.resume.log" 2>&1
    verdict="$(compare "$work/reference" "$dir")"
    from="$(grep -o 'checkpoint of step [0-9]*' "$dir.resume.log" | head -1 | grep -o '[0-9]*$' || echo 0)"
    echo "trial $i: killed at logged step $killed_at (target $target), resumed from step ${from:-1}: $verdict"
    counted=$((counted + 1))
    [[ "$verdict" == identical ]] || failed=$((failed + 1))
done
echo "kill trials: $counted killed and resumed, differing: $failed (runs kept in $work)"
[[ "$failed" == 0 && "$counted" == "$trials" ]]
