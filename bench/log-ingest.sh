#!/usr/bin/env bash
# One pod's whole log read twice from the same burst-sandbox in the same run: by
# `kubectl logs --timestamps` (to /dev/null) and by the console's path (bench_logstore --ingest:
# PodLogClient's raw lines into a LogViewModel, with the longest event-loop stall). Wall time and
# peak RSS from /usr/bin/time -v. The pod has LINES lines of history (60-200 bytes of text each)
# and writes RATE more a second, so the two counts differ by what was written in between.
# Usage: bench/log-ingest.sh [LINES]   (BUILD=build, LINES=1000000, RATE=1000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
LINES=${1:-1000000}
RATE=${RATE:-1000}
cmake --build "$BUILD" --target burst-sandbox bench_logstore | tail -1
tmp=$(mktemp -d)
"$BUILD/app/burst-sandbox" --port 0 --kubeconfig-out "$tmp/kubeconfig" 2>"$tmp/sandbox.log" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; wait $sandbox 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 600); do [ -s "$tmp/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$tmp/kubeconfig"
kubectl apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: chatty
  namespace: default
  annotations:
    sandbox.burst.io/log-lines-per-second: "$RATE"
    sandbox.burst.io/log-history-lines: "$LINES"
    sandbox.burst.io/log-line-bytes: "60-200"
spec:
  containers:
  - name: app
    image: busybox
EOF
kubectl wait --for=condition=Ready pod/chatty --timeout=120s >/dev/null

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" >"$tmp/out" 2>"$tmp/time" || { cat "$tmp/time" "$tmp/out"; return 1; }
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$tmp/time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$tmp/time" | awk '{print $NF}')
    printf '%-44s wall %8s   peak RSS %6d MiB\n' "$label" "$wall" $((rss / 1024))
}

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== pod chatty: $LINES lines of history, $RATE lines/s, 60-200 bytes of text a line"
for run in 1 2; do
    measure "kubectl logs --timestamps (run $run)" kubectl logs --timestamps chatty
    echo "    $(wc -l <"$tmp/out") lines, $(wc -c <"$tmp/out") bytes"
    measure "bench_logstore --ingest (run $run)" \
        "$BUILD/bench/bench_logstore" --ingest "$KUBECONFIG" default chatty
    echo "    $(cat "$tmp/out")"
done
echo "reproduce: BUILD=$BUILD RATE=$RATE bench/log-ingest.sh $LINES"
