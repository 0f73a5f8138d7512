#!/usr/bin/env bash
# Runs the whole suite (scripts/test.sh) several times in a row while another process keeps one
# core busy, as CI on a shared machine has it: a test that fails only because the machine is
# slower or busier fails here. Stops at the first red run.
#   scripts/test-under-load.sh [runs]    (default 2)
# The busy process is a shell loop pinned to the last core (taskset, from util-linux); it is
# stopped when the runs end or the script is interrupted.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
core=$(($(nproc) - 1))

taskset -c "$core" sh -c 'while :; do :; done' &
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT INT TERM
echo "test-under-load: core $core kept busy by process $busy; $runs runs of scripts/test.sh"

for run in $(seq "$runs"); do
  start=$(date +%s)
  if ! scripts/test.sh >"build/test-under-load-$run.log" 2>&1; then
    tail -n 25 "build/test-under-load-$run.log"
    echo "test-under-load: run $run of $runs FAILED after $(($(date +%s) - start)) s (build/test-under-load-$run.log)"
    exit 1
  fi
  echo "test-under-load: run $run of $runs: $(tail -n 1 "build/test-under-load-$run.log") in $(($(date +%s) - start)) s"
done
echo "test-under-load: $runs of $runs runs passed with core $core busy"
