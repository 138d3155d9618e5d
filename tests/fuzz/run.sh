#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz (docs/fuzzing.md) for its share of SECONDS.
#
#   tests/fuzz/run.sh SECONDS [BIN_DIR]        by hand: new inputs are merged (-merge=1, so only
#                                               those that add coverage) into tests/fuzz/corpus/,
#                                               and the time and figures are added to STATS.md
#   tests/fuzz/run.sh --ci SECONDS [BIN_DIR]    CI (ctest fuzz_smoke): the corpus is only read
#
# BIN_DIR holds the fuzz_* executables (default build-asan/tests/fuzz, test.sh's sanitizer build).
# FUZZERS="fuzz_quantity fuzz_yamledit" picks some. Exits non-zero when a harness finds a crash,
# a hang (-timeout), a leak or a broken property; the input is kept under the work folder printed.
set -uo pipefail
# The whole script is one compound command, read before it runs: editing run.sh while it fuzzes
# cannot change what the running copy does next.
{
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ci=0
if [ "${1:-}" = "--ci" ]; then ci=1; shift; fi
seconds="${1:?usage: run.sh [--ci] SECONDS [BIN_DIR]}"
bin="${2:-$root/build-asan/tests/fuzz}"

if [ -n "${FUZZERS:-}" ]; then
    read -r -a harnesses <<<"$FUZZERS"
else
    harnesses=()
    for f in "$bin"/fuzz_*; do
        [ -x "$f" ] && [ -f "$f" ] && harnesses+=("$(basename "$f")")
    done
fi
[ ${#harnesses[@]} -gt 0 ] || { echo "run.sh: no fuzz_* executables in $bin" >&2; exit 1; }
share=$(( seconds / ${#harnesses[@]} ))
# In CI SECONDS bounds the wall time: each harness spends about a second starting up (ASan, Qt)
# besides its fuzzing time.
[ "$ci" -eq 0 ] || share=$(( share - 1 ))
[ "$share" -ge 1 ] || share=1

max_len=16384 # bytes per input: enough for a real manifest, keeps the corpora small
budget=40000  # bytes of corpus per harness kept in the repository (15 harnesses: 600 KB)
work="$(mktemp -d "${TMPDIR:-/tmp}/burst-fuzz.XXXXXX")"
stats="$here/stats.tsv" # harness, seconds, runs, exec/s (last), cov, ft, corpus files, bytes, date
# libFuzzer reports leaks itself; the sanitizer build's suppressions still apply.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp"
export QT_QPA_PLATFORM=offscreen

failed=()
printf '%-22s %8s %10s %8s %6s %6s %7s\n' harness seconds runs exec/s cov ft corpus
# Harnesses that read whole manifests take the repository's manifests as they are, as read-only
# seed folders; the corpus in the repository keeps only what fuzzing found beyond them.
seed_folders() {
    case "$1" in
    fuzz_manifestloader | fuzz_preview | fuzz_jsonyaml | fuzz_scheduleprofile)
        echo "$root/tests/data $root/resources/examples" ;;
    esac
}

for h in "${harnesses[@]}"; do
    corpus="$here/corpus/$h"
    read -r -a seeds <<<"$(seed_folders "$h")"
    mkdir -p "$corpus" "$work/$h/new" "$work/$h/artifacts"
    log="$work/$h/log"
    start=$(date +%s)
    "$bin/$h" -max_total_time="$share" -timeout=10 -rss_limit_mb=2560 -max_len=$max_len \
        -print_final_stats=1 -artifact_prefix="$work/$h/artifacts/" \
        "$work/$h/new" "$corpus" "${seeds[@]}" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    if [ "$rc" -ne 0 ]; then
        failed+=("$h")
        echo "run.sh: $h failed (exit $rc); log $log, input under $work/$h/artifacts/" >&2
        grep -E 'ERROR|fuzz: property|SUMMARY|Test unit written' "$log" | head -8 >&2
    fi
    if [ "$ci" -eq 0 ] && [ "$rc" -eq 0 ]; then
        # Keep only what adds coverage: a fresh minimal corpus from the old one and the new inputs,
        # over the seed folders (copied in first under their SHA-1, libFuzzer's file names, and
        # taken out again after the merge).
        merged="$work/$h/merged"
        mkdir -p "$merged"
        for folder in "${seeds[@]}"; do
            find "$folder" -type f -size -65537c -print0 | while IFS= read -r -d '' f; do
                cp "$f" "$merged/$(sha1sum "$f" | cut -c1-40)"
            done
        done
        seeded=$(ls "$merged")
        "$bin/$h" -merge=1 -max_len=$max_len "$merged" "$corpus" "$work/$h/new" \
            >"$work/$h/merge.log" 2>&1 && {
            for f in $seeded; do rm -f "$merged/$f"; done
            # The repository keeps at most $budget bytes per harness: the smallest inputs first
            # (they cover the most per byte); what does not fit is dropped and said so.
            kept=0
            dropped=0
            while read -r size f; do
                if [ $(( kept + size )) -le "$budget" ]; then
                    kept=$(( kept + size ))
                else
                    rm -f "$f"
                    dropped=$(( dropped + 1 ))
                fi
            done < <(find "$merged" -type f -printf '%s %p\n' | sort -n)
            [ "$dropped" -eq 0 ] || echo "run.sh: $h: $dropped inputs over the ${budget}-byte budget dropped"
            rm -rf "$corpus" && mv "$merged" "$corpus"
        }
    fi
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    printf '%-22s %8s %10s %8s %6s %6s %7s\n' "$h" "$took" "${runs:-?}" "${rate:-?}" \
        "${cov:-?}" "${ft:-?}" "$files"
    if [ "$ci" -eq 0 ]; then
        touch "$stats"
        awk -F'\t' -v OFS='\t' -v h="$h" -v s="$took" -v r="${runs:-0}" -v e="${rate:-0}" \
            -v c="${cov:-0}" -v f="${ft:-0}" -v n="$files" -v b="$bytes" -v d="$(date -u +%F)" '
            $1 == h { $2 += s; $3 += r; $4 = e; $5 = c; $6 = f; $7 = n; $8 = b; $9 = d; seen = 1 }
            { print }
            END { if (!seen) print h, s, r, e, c, f, n, b, d }' "$stats" >"$stats.new" &&
            mv "$stats.new" "$stats"
    fi
done

if [ "$ci" -eq 0 ]; then
    {
        echo "# Fuzzing time and figures"
        echo
        echo "Written by \`tests/fuzz/run.sh\` (docs/fuzzing.md); do not edit. Seconds and runs add up"
        echo "over every run by hand; exec/s, coverage (cov: edges, ft: features) and the corpus are"
        echo "those of the last run."
        echo
        echo "| harness | total seconds | total runs | exec/s (last) | cov | ft | corpus files | corpus bytes | last run |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
        sort "$stats" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
    } >"$here/STATS.md"
    total=$(find "$here/corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    echo "run.sh: corpora hold $total bytes (at most 40,000 per harness: docs/fuzzing.md)"
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "run.sh: failures in ${failed[*]}; work folder $work kept" >&2
    exit 1
fi
rm -rf "$work"
exit 0
}
