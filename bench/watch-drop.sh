#!/usr/bin/env bash
# The live console's watch through a flaky API server, at scale:
#   bench/watch-drop.sh [PODS] [DROP_EVERY]      (defaults: 20000 40; BUILD=build)
# Starts `burst-sandbox --pods PODS --fault-drop-watch-every DROP_EVERY`, starts
# `burstctl watch pods -n default` within a second of it (while the sandbox is still busy), then
# scales a Deployment in default to 20 replicas. Prints the events received after the scale, how
# many of the 20 pods were reported, how many pods of default the watch holds at the server's
# resourceVersion (expected: all) and the time from the scale until it did.
# tests/app/tst_burstctlwatchdrop.cpp is the CI case at 2k pods.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PODS=${1:-20000}
DROP=${2:-40}
sandbox="$BUILD/app/burst-sandbox"
burstctl="$BUILD/app/burstctl"
[[ -x "$sandbox" && -x "$burstctl" ]] ||
    { echo "build burst-sandbox and burstctl first (cmake --build $BUILD --target burst-sandbox burstctl)" >&2; exit 2; }
command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
now_ms() { date +%s%3N; }

"$sandbox" --port 0 --pods "$PODS" --fault-drop-watch-every "$DROP" \
    --kubeconfig-out "$tmp/kubeconfig" 2>"$tmp/sandbox.log" &
pids+=($!)
for _ in $(seq 600); do [ -s "$tmp/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$tmp/kubeconfig"
watch_start=$(now_ms)
"$burstctl" watch pods -n default >"$tmp/watch.out" 2>"$tmp/watch.err" &
pids+=($!)

# name -> resourceVersion: the last line per pod of the watch (deleted pods dropped), and the
# server's list; prints "held-at-current expected".
compare() {
    kubectl get pods -n default -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.resourceVersion}{"\n"}{end}' \
        >"$tmp/server"
    awk 'NR == FNR { if ($1 == "DELETED") { split($2, a, "/"); delete w[a[2]] }
                     else { split($2, a, "/"); w[a[2]] = $3 }; next }
         { total++; if (($1 in w) && w[$1] + 0 >= $2 + 0) ok++ }
         END { printf "%d %d\n", ok, total }' "$tmp/watch.out" "$tmp/server"
}

# The watch's initial list (one ADDED line per pod of default) first, so what follows counts
# events only.
listed=$(kubectl get pods -n default -o name | wc -l)
for _ in $(seq 600); do [ "$(wc -l <"$tmp/watch.out")" -ge "$listed" ] && break; sleep 0.1; done
list_ms=$(( $(now_ms) - watch_start ))
kubectl create deployment scaled --image=nginx --replicas=0 -n default >/dev/null
before=$(wc -l <"$tmp/watch.out")
start=$(now_ms)
kubectl scale deployment scaled --replicas=20 -n default >/dev/null
# Caught up: the server holds the 20 pods (Pending when the preload filled the nodes) and the
# watch holds every pod of default at the server's resourceVersion. Gives up after 120 s.
result="0 0"
caught=
in10s=
while (( $(now_ms) - start < 120000 )); do
    (( $(now_ms) - start >= 10000 )) && [ -z "$in10s" ] && in10s=$(( $(wc -l <"$tmp/watch.out") - before ))
    result=$(compare)
    if [ "$(grep -c '^scaled-' "$tmp/server")" -eq 20 ] && [ "${result% *}" = "${result#* }" ]; then
        [ -z "$caught" ] && caught=$(( $(now_ms) - start ))
        [ -n "$in10s" ] && break
    fi
    sleep 0.2
done
after=$(wc -l <"$tmp/watch.out")
reported=$(grep -o ' default/scaled-[^ ]*' "$tmp/watch.out" | sort -u | wc -l)
echo "pods preloaded:                      $PODS (stream cut every $DROP events)"
echo "initial list printed after:          $list_ms ms ($listed pods)"
echo "events received in 10 s after scale: ${in10s:-?}"
echo "events received after the scale:     $((after - before))"
echo "scaled pods reported:                $reported of 20"
echo "pods of default at the server's rv:  ${result% *} of ${result#* } expected"
echo "time from scale to caught up:        ${caught:-not within 120000} ms (checked every kubectl get)"
echo "reproduce: BUILD=$BUILD bench/watch-drop.sh $PODS $DROP"
[ -n "$caught" ] && [ "$reported" -eq 20 ]
