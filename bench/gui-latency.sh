#!/usr/bin/env bash
# The console's GUI thread under a stream of watch events: burst-sandbox --pods N --churn RATE,
# the main window connected to it (offscreen), all pods shown and sorted, and a 10 ms timer whose
# lateness is measured for SECONDS once the first sync is done. Prints the watch events actually
# received per second and the lateness p50 / p99 / max.
# Usage: bench/gui-latency.sh [PODS] [RATE] [SECONDS]   (BUILD=build; 100000 5000 60 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PODS=${1:-100000}
RATE=${2:-5000}
SECONDS_MEASURED=${3:-60}
cmake --build "$BUILD" --target burst-sandbox burstctl bench_guilatency | tail -1
tmp=$(mktemp -d)
# The sandbox stands in for a remote API server: on a 2-core machine it would otherwise take
# CPU from the console's GUI thread that a real server never takes, so it runs at a lower
# priority (NICE=0 to run it at the console's). The rate the console actually received is printed.
nice -n "${NICE:-10}" "$BUILD/app/burst-sandbox" --port 0 --pods "$PODS" --churn "$RATE" \
    --kubeconfig-out "$tmp/kubeconfig" 2>"$tmp/sandbox.log" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; wait $sandbox 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 600); do [ -s "$tmp/kubeconfig" ] && break; sleep 0.1; done
# The count moves under churn (and a list may outlast its continue token): the preloaded pods
# are what the console must have before the measurement starts.
total=$PODS
echo "== $(nproc) cores; $PODS preloaded pods; sandbox churn $RATE events/s at nice ${NICE:-10}"
QT_QPA_PLATFORM=offscreen "$BUILD/bench/bench_guilatency" "$tmp/kubeconfig" "$total" \
    "$SECONDS_MEASURED"
echo "reproduce: BUILD=$BUILD bench/gui-latency.sh $PODS $RATE $SECONDS_MEASURED"
