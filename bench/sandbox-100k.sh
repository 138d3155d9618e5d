#!/usr/bin/env bash
# Start/idle/shutdown figures of burst-sandbox with many preloaded pods:
#   bench/sandbox-100k.sh [BUILD_DIR] [PODS]      (defaults: build 100000)
# Prints: preload time, time until `kubectl get --raw '/api/v1/pods?limit=500'` first succeeds,
# time until the process is idle (CPU < 5% over 1 s), idle RSS, idle CPU over 10 s, and the time
# from SIGTERM to exit.
set -euo pipefail

build=${1:-build}
pods=${2:-100000}
sandbox="$build/app/burst-sandbox"
[[ -x "$sandbox" ]] || { echo "no $sandbox (cmake --build $build --target burst-sandbox)" >&2; exit 2; }
command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ticks_per_s=$(getconf CLK_TCK)
now_ms() { date +%s%3N; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

start=$(now_ms)
"$sandbox" --pods "$pods" --kubeconfig-out "$work/kubeconfig" 2>"$work/stderr" &
pid=$!

# The kubeconfig is written once the server listens (after the preload).
until [[ -s "$work/kubeconfig" ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
    sleep 0.05
done
until kubectl --kubeconfig "$work/kubeconfig" get --raw '/api/v1/pods?limit=500' >/dev/null 2>&1; do
    sleep 0.05
done
first_list=$(( $(now_ms) - start ))

# Idle: less than 5% of one core over a second (the scheduler's first sync is done).
prev=$(cpu_ticks "$pid")
for _ in $(seq 1 120); do
    sleep 1
    cur=$(cpu_ticks "$pid")
    (( (cur - prev) * 100 < 5 * ticks_per_s )) && break
    prev=$cur
done
idle_after=$(( $(now_ms) - start ))
rss=$(rss_mb "$pid")
before=$(cpu_ticks "$pid")
sleep 10
idle_cpu=$(awk -v t="$(( $(cpu_ticks "$pid") - before ))" -v hz="$ticks_per_s" \
    'BEGIN {printf "%.1f", 100 * t / hz / 10}')

term=$(now_ms)
kill -TERM "$pid"
wait "$pid" || true
exit_ms=$(( $(now_ms) - term ))
pid=

preload=$(sed -n 's/.*preloaded [0-9]* pods in \([0-9]*\) ms.*/\1/p' "$work/stderr")
echo "pods:                         $pods"
echo "preload:                      ${preload:-?} ms"
echo "first pods?limit=500 list:    $first_list ms after start"
echo "idle (CPU < 5%) after:        $idle_after ms"
echo "idle RSS:                     $rss MB"
echo "idle CPU over 10 s:           $idle_cpu %"
echo "SIGTERM to exit:              $exit_ms ms"
