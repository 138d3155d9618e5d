#!/usr/bin/env bash
# The watch soak (issue 12): the console's pod informer against a burst-sandbox whose preloaded
# pods churn with every fault on; at the end the informer's cache must equal the server uid by
# uid and resourceVersion by resourceVersion, no (uid, resourceVersion) reported twice,
# resourceVersions strictly increasing per object, every deletion reported.
#   bench/watch-soak.sh [PODS] [EVENTS] [bench_watchsoak options...]   (BUILD=build)
# Defaults: 100000 pods, 1000000 events at up to 3000/s, 1% 429, 1% 500, 5 ms latency, streams
# cut every 2000 events, 410 on every 25th resume, every 10th stream stalled for 2 s, watch
# timeouts of 60-120 s. Later options override these (build/bench/bench_watchsoak --help).
# tests/app/tst_watchsoak.cpp is the CI case at 2k pods.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PODS=${1:-100000}
EVENTS=${2:-1000000}
shift $(( $# < 2 ? $# : 2 ))
bench="$BUILD/bench/bench_watchsoak"
[[ -x "$bench" && -x "$BUILD/app/burst-sandbox" ]] ||
    { echo "build it first: cmake --build $BUILD --target bench_watchsoak" >&2; exit 2; }
args=(--pods "$PODS" --events "$EVENTS" --churn 3000
      --fault-429-rate 0.01 --fault-500-rate 0.01 --fault-latency-ms 5
      --fault-drop-watch-every 2000 --fault-gone-every 25 --fault-stall-every 10:2000
      --watch-timeout 60 "$@")
echo "reproduce: BUILD=$BUILD bench/watch-soak.sh $PODS $EVENTS $*"
echo "command:   $bench ${args[*]}"
echo "machine:   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
"$bench" "${args[@]}"
