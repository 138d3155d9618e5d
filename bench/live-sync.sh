#!/usr/bin/env bash
# The console's first sync of burst-sandbox --pods N against kubectl on the same server: wall time
# of `kubectl get pods -A -o json`, then bench_livesync (a ClusterSession until every pod is in
# the Burst pods model, the memory it added, and one token filter over all rows).
# Usage: bench/live-sync.sh [PODS]   (BUILD=build by default; PODS=100000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PODS=${1:-100000}
cmake --build "$BUILD" --target burst-sandbox bench_livesync | tail -1
tmp=$(mktemp -d)
"$BUILD/app/burst-sandbox" --port 0 --pods "$PODS" --kubeconfig-out "$tmp/kubeconfig" \
    2>"$tmp/sandbox.log" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; wait $sandbox 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 600); do [ -s "$tmp/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$tmp/kubeconfig"
total=$(kubectl get pods -A -o name | wc -l)
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $total pods"
start=$(date +%s%N)
kubectl get pods -A -o json >/dev/null
echo "kubectl get pods -A -o json: $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$BUILD/bench/bench_livesync" "$tmp/kubeconfig" "$total"
echo "reproduce: BUILD=$BUILD bench/live-sync.sh $PODS"
