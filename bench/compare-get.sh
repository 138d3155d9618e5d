#!/usr/bin/env bash
# burstctl get pods -A -o json vs kubectl get pods -A -o json on one burst-sandbox --pods N
# (wall time, peak RSS from /usr/bin/time -v), and the informer's initial list + sync of all
# pods (burstctl watch pods -A --count N: the informer prints one ADDED line per cached pod), and
# the console's first sync (bench_livesync: a ClusterSession until every pod is in the Burst
# pods model, the memory it added, one token filter over all rows).
# Usage: bench/compare-get.sh [PODS]   (BUILD=build by default; PODS=100000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PODS=${1:-100000}
cmake --build "$BUILD" --target burstctl burst-sandbox bench_livesync | tail -1
tmp=$(mktemp -d)
"$BUILD/app/burst-sandbox" --port 0 --pods "$PODS" --kubeconfig-out "$tmp/kubeconfig" \
    2>"$tmp/sandbox.log" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; wait $sandbox 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 600); do [ -s "$tmp/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$tmp/kubeconfig"
total=$("$BUILD/app/burstctl" get pods -A -o name | wc -l)

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" >"$tmp/out" 2>"$tmp/time" || { cat "$tmp/time"; return 1; }
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$tmp/time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$tmp/time" | awk '{print $NF}')
    printf '%-48s wall %8s   peak RSS %6d MiB   output %s lines\n' "$label" "$wall" \
        $((rss / 1024)) "$(wc -l <"$tmp/out")"
}

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $total pods"
for run in 1 2; do
    measure "kubectl get pods -A -o json (run $run)" kubectl get pods -A -o json
    measure "burstctl get pods -A -o json (run $run)" "$BUILD/app/burstctl" get pods -A -o json
done
measure "kubectl get pods -A (table)" kubectl get pods -A
measure "burstctl get pods -A (table)" "$BUILD/app/burstctl" get pods -A
measure "informer initial sync (burstctl watch)" \
    "$BUILD/app/burstctl" watch pods -A --count "$total"
"$BUILD/bench/bench_livesync" "$tmp/kubeconfig" "$total"
echo "reproduce: BUILD=$BUILD bench/compare-get.sh $PODS"
