#!/usr/bin/env bash
# Installs what is missing, builds, starts the sandbox cluster and launches Burst Console connected
# to it (its live panes) and on the shipped examples unless paths are given: ./run.sh
# path/to/manifests ... The sandbox runs while the console is open; its kubeconfig is
# build/sandbox-kubeconfig.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/build-env.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build build --parallel "$(nproc)" --target burst-console burstctl burst-sandbox

kubeconfig="$PWD/build/sandbox-kubeconfig"
rm -f "$kubeconfig"
./build/app/burst-sandbox --tls --port 0 --kubeconfig-out "$kubeconfig" \
    2> build/sandbox.log &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true; wait "$sandbox" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$kubeconfig" ] && break; sleep 0.1; done
connect=()
if [ -s "$kubeconfig" ]; then
    connect=(--kubeconfig "$kubeconfig" --context sandbox)
    cat >&2 <<MSG
run.sh: the sandbox cluster is up (log: build/sandbox.log). In another terminal:
    export KUBECONFIG=$kubeconfig
    kubectl get pods -A -o wide          # or: ./build/app/burstctl get pods -A
    kubectl --context sandbox-cci ...    # the CCI endpoint (needs an IAM token, see the log)
MSG
else
    echo "run.sh: the sandbox did not start (see build/sandbox.log); launching the console alone." >&2
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run.sh: no display found; starting the console under Xvfb (xvfb-run)." >&2
    xvfb-run -a -s "-screen 0 1400x900x24" ./build/app/burst-console "${connect[@]}" "$@"
else
    ./build/app/burst-console "${connect[@]}" "$@"
fi
