#!/usr/bin/env bash
# Installs what is missing, builds, and launches Burst Console (on the shipped examples unless
# paths are given: ./run.sh path/to/manifests ...).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)" --target burst-console burstctl

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run.sh: no display found; starting the console under Xvfb (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1400x900x24" ./build/app/burst-console "$@"
fi
exec ./build/app/burst-console "$@"
