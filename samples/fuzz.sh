#!/usr/bin/env bash
# Seeded mutation fuzzing of the command line over every script in scripts/ and --set overrides (see ScriptFuzzer).
#   bash samples/fuzz.sh [CASES] [SEED]      default 2000 cases, seed 1; exit 1 when there are findings
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install -pl samples -am
export TF_CPP_MIN_LOG_LEVEL=2
java -cp "samples/target/classes:$(cat samples/target/classpath.txt)" org.iclab.samples.robustness.ScriptFuzzer "${1:-2000}" "${2:-1}" scripts
