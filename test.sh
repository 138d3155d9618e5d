#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a normal build (GCC), then
# the same suite built by clang-14 under AddressSanitizer + UndefinedBehaviorSanitizer, with the
# libFuzzer harnesses of tests/fuzz (their ctest entry fuzz_smoke fuzzes for 60 s in all:
# docs/fuzzing.md). Between the two, the Debian package is built from the normal build and checked
# unpacked (tests/package/check.sh).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/build-env.sh

jobs=$(nproc)
start=$(date +%s)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build build --parallel "$jobs"
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure --parallel "$jobs"
tests/package/check.sh

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBURST_SANITIZE=ON \
      -DCMAKE_CXX_COMPILER=clang++-14 -DBURST_BUILD_BENCH=OFF "${launcher[@]}"
cmake --build build-asan --parallel "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
    QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure --parallel "$jobs"

echo "test.sh: both suites and the package check passed in $(( $(date +%s) - start ))s"
