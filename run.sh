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
# The sandbox's CCI endpoint wants an IAM token. The sandbox's kubeconfig holds none, so run.sh
# gives the IAM user "operator" a password of its own and writes a second kubeconfig,
# build/sandbox-cci-login, whose user "sandbox-cci" gets tokens from `burstctl iam-token` (an
# exec credential plugin). Merged before the sandbox's kubeconfig (KUBECONFIG=login:kubeconfig),
# its user replaces the placeholder; the console runs that plugin without asking because run.sh
# names the file it just wrote (--trust-exec-in), and asks as usual for every other plugin.
login="$PWD/build/sandbox-cci-login"
rm -f "$kubeconfig" "$login"
iam_password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
./build/app/burst-sandbox --tls --port 0 --kubeconfig-out "$kubeconfig" \
    --iam-user "operator@sandbox:$iam_password" 2> build/sandbox.log &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true; wait "$sandbox" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$kubeconfig" ] && break; sleep 0.1; done
connect=()
if [ -s "$kubeconfig" ]; then
    # The server of the cluster entry "sandbox-cci" (the first "name: sandbox-cci" is in clusters).
    cci_url=$(awk '/server:/ { server = $2 } /^ +name: sandbox-cci$/ { print server; exit }' \
        "$kubeconfig")
    (umask 077 && cat > "$login" <<YAML
apiVersion: v1
kind: Config
users:
  - name: sandbox-cci
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: $PWD/build/app/burstctl
        args: [iam-token, --iam-endpoint, "$cci_url", --project-name, cn-north-4, --user, operator,
               --domain, sandbox, --password-env, BURST_SANDBOX_IAM_PASSWORD]
        env:
          - name: BURST_SANDBOX_IAM_PASSWORD
            value: "$iam_password"
        provideClusterInfo: true
        interactiveMode: Never
YAML
    )
    export KUBECONFIG="$login:$kubeconfig"
    connect=(--context sandbox --context sandbox-cci --trust-exec-in "$login")
    cat >&2 <<MSG
run.sh: the sandbox cluster is up (log: build/sandbox.log). In another terminal:
    export KUBECONFIG=$login:$kubeconfig
    kubectl get pods -A -o wide          # or: ./build/app/burstctl get pods -A
    kubectl --context sandbox-cci get pods -n cce-burst-sandbox   # the CCI endpoint
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
