#!/usr/bin/env bash
# ThreadSanitizer run of the sandbox and of the cluster client's threaded code (issue 12), by
# hand, not in CI (a separate build of its own, several times slower to run):
#   scripts/tsan.sh [ctest -R regex]        (JOBS=2 by default; build dir build-tsan)
# Configures build-tsan with clang-14 and -fsanitize=thread (as test.sh configures its ASan
# build: clang-14, ccache through scripts/build-env.sh, no benches), builds the targets below
# and runs their tests with halt_on_error, so the first race fails the run.
#
# What runs, and why these:
#   sandbox   tst_httpserver tst_httpstreamflow (the Asio server thread and its streams),
#             tst_objectstore tst_objectwatch tst_watchflow (the store, its watches and the
#             watch pump, written from several threads), tst_apirouterio, tst_clustersimulator
#             tst_preloadedpods (the simulator and churn threads), tst_podlogs
#   client    tst_watchstream tst_objectcache tst_informer tst_apiclient tst_podlogclient (the
#             decoder threads behind the reflector and the list pager)
#   together  the watch soak (tst_watchsoak of the normal build in build/, when it is there)
#             against this build's burst-sandbox (BURST_SANDBOX): the sandbox under TSan through
#             every fault. The test itself cannot run under clang-14's TSan: QProcess starts
#             children with clone() (forkfd), which stops TSan's runtime with "CHECK failed:
#             tsan_rtl.cpp:234 ((!thr->slot)) != (0)" before anything runs.
# tst_burstctlwatchdrop is left out: it needs burstctl and with it the burst and cloud
# libraries, a much longer build for client code the tests above run in process.
#
# tests/tsan.supp holds the suppressions, each for a third-party false positive with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/build-env.sh

jobs=${JOBS:-2}
build=build-tsan
tests=(tst_httpserver tst_httpstreamflow tst_objectstore tst_objectwatch tst_watchflow
       tst_apirouterio tst_clustersimulator tst_preloadedpods tst_podlogs
       tst_watchstream tst_objectcache tst_informer tst_apiclient tst_podlogclient)
regex=${1:-^($(IFS='|'; echo "${tests[*]}"))\$}
start=$(date +%s)

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-14 -DBURST_BUILD_BENCH=OFF -DBURST_FUZZ=OFF \
      -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" \
      "${launcher[@]}"
cmake --build "$build" --parallel "$jobs" --target burst-sandbox "${tests[@]}"
echo "tsan.sh: built in $(( $(date +%s) - start ))s"

# halt_on_error: the first report fails the test (and a sandbox process under it exits 66,
# which fails tst_watchsoak). second_deadlock_stack: both stacks of a lock-order inversion.
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:history_size=4:suppressions=$PWD/tests/tsan.supp${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
status=0
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" --output-on-failure --timeout 900 -R "$regex" ||
    status=1
# SOAK_BUILD names the normal build that holds tst_watchsoak (default build/; from a worktree
# without one, point it at another checkout's build of the same sources).
soak_build=${SOAK_BUILD:-build}
if [ -z "${1:-}" ] && [ -x "$soak_build/tests/tst_watchsoak" ]; then
    echo "tsan.sh: the watch soak ($soak_build) against $build/app/burst-sandbox"
    BURST_SANDBOX="$PWD/$build/app/burst-sandbox" QT_QPA_PLATFORM=offscreen \
        "$soak_build/tests/tst_watchsoak" || status=1
elif [ -z "${1:-}" ]; then
    echo "tsan.sh: no $soak_build/tests/tst_watchsoak: the soak part did not run (SOAK_BUILD=...)" >&2
fi
[ "$status" -eq 0 ] || { echo "tsan.sh: failed after $(( $(date +%s) - start ))s" >&2; exit 1; }
echo "tsan.sh: passed in $(( $(date +%s) - start ))s"
