#!/usr/bin/env bash
# Builds and runs the benchmarks in a Release build and prints their figures.
# Usage: bench/run-bench.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build-release --target bench_preview burstctl | tail -1
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
./build-release/bench/bench_preview -minimumvalue 50 | grep -E 'RESULT|QINFO|msecs|usecs|nsecs' -A1 | grep -v '^--'
echo "== burstctl preview on the whole corpus, 10 runs (process start included)"
corpus=tests/data/kubernetes-examples
start=$(date +%s%N)
for _ in $(seq 10); do ./build-release/app/burstctl preview -f "$corpus" >/dev/null 2>&1 || true; done
echo "mean wall time: $(( ($(date +%s%N) - start) / 10000000 )) ms"
