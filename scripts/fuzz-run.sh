#!/usr/bin/env bash
# Run every libFuzzer target of build-fuzz/ (make fuzz) for FUZZ_TIME
# seconds each (default 60), one after the other, starting from the seed
# corpus in tests/fuzz/corpus/TARGET and keeping what the fuzzer finds in
# build-fuzz/fuzz-corpus/TARGET (the repository's seeds are not touched).
# Crashes go to build-fuzz/fuzz-artifacts/.  Prints, per target, the runs,
# runs a second and the result; exits 1 if any target found a crash.
#   FUZZ_TIME=3600 make fuzz-run          # an hour per target
#   FUZZ_TARGETS="fuzz_date fuzz_store" FUZZ_TIME=30 make fuzz-run
# FUZZ_BIN names another folder of fuzz binaries (e.g. a copy, so that a
# long campaign is not disturbed by a rebuild) and FUZZ_OUT another folder
# for the kept corpus and the crashes (e.g. a scratch folder outside the
# repository): FUZZ_OUT/fuzz-corpus/TARGET, FUZZ_OUT/fuzz-artifacts/;
# FUZZ_SEEDS another folder of seed corpora (default tests/fuzz/corpus).
# Each target gets the -max_len of tests/fuzz/max_len (FUZZ_MAX_LEN=N for all).
# libFuzzer runs with -entropic=0 (FUZZ_SCHEDULE="" for its default): from a
# grown corpus of a thousand inputs or more its entropic schedule spent most
# of the time looking features up in its list of rare ones, and then found
# fewer new features in the same CPU time (docs/fuzzing.md, "Scheduling").
# AddressSanitizer keeps 2 frames of each allocation's stack instead of 30
# (FUZZ_ASAN_OPTIONS="" for its defaults; ASAN_OPTIONS still wins): what it
# detects is the same, a report names only the allocating function and its
# caller, and replaying the saved input gives the full report.  Recording
# the deeper stacks cost about a tenth of fuzz_meta's time.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${FUZZ_BIN:-$ROOT/build-fuzz/tests/fuzz}
OUT=${FUZZ_OUT:-$ROOT/build-fuzz}
SEEDS=${FUZZ_SEEDS:-$ROOT/tests/fuzz/corpus}
TIME=${FUZZ_TIME:-60}
SCHEDULE=${FUZZ_SCHEDULE--entropic=0}
asan=${FUZZ_ASAN_OPTIONS-malloc_context_size=2}
export ASAN_OPTIONS=$asan${ASAN_OPTIONS:+${asan:+:}$ASAN_OPTIONS}
# -max_len=N from tests/fuzz/max_len (or FUZZ_MAX_LEN), nothing when the
# target is not listed there (libFuzzer's default: the largest seed).
max_len() {
  local n=${FUZZ_MAX_LEN:-$(awk -v t="$1" '$1 == t {print $2}' "$ROOT/tests/fuzz/max_len" 2>/dev/null)}
  if [[ -n $n ]]; then echo "-max_len=$n"; fi
}
[[ -d $BIN ]] || { echo "fuzz-run: no $BIN; run 'make fuzz' first" >&2; exit 2; }
targets=${FUZZ_TARGETS:-$(cd "$BIN" && ls fuzz_* 2>/dev/null | grep -v '\.' )}
mkdir -p "$OUT/fuzz-artifacts"
bad=0
printf '%-18s %12s %10s %8s %10s  %s\n' target runs runs/s cpu-s runs/cpu-s result
for t in $targets; do
  work=$OUT/fuzz-corpus/$t
  mkdir -p "$work"
  log=$OUT/fuzz-artifacts/$t.log
  /usr/bin/time -f '%U %S' -o "$log.time" \
  "$BIN/$t" -max_total_time="$TIME" $(max_len "$t") $SCHEDULE -print_final_stats=1 \
    -artifact_prefix="$OUT/fuzz-artifacts/$t-" -rss_limit_mb=2048 \
    "$work" "$SEEDS/$t" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cpu=$(awk '/^[0-9.]+ [0-9.]+$/ {print $1 + $2}' "$log.time")
  cpurate=$(awk -v r="${runs:-0}" -v c="${cpu:-0}" 'BEGIN {printf "%.0f", (c > 0 ? r / c : 0)}')
  if [[ $rc == 0 ]]; then result=ok; else result="FAILED (exit $rc, see $log)"; bad=1; fi
  printf '%-18s %12s %10s %8s %10s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "${cpu:-?}" "$cpurate" "$result"
done
exit $bad
