#!/usr/bin/env bash
# Executions a second of each libFuzzer target of build-fuzz/ (make fuzz):
# FUZZ_REPEAT runs (default 3) of FUZZ_TIME seconds (default 10) each,
# every run from the seed corpus alone (a fresh scratch folder, so that the
# runs are alike), and the median of libFuzzer's exec/s and of executions
# per CPU-second (user + system) of the process.  Prints the load average
# at the start and end: on a shared machine the figures move with it.
#   FUZZ_TARGETS="fuzz_html fuzz_jsonl" scripts/fuzz-speed.sh
# libFuzzer's schedule is fuzz-run.sh's (-entropic=0; FUZZ_SCHEDULE="" for
# libFuzzer's default), so that the figures are those of a campaign.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build-fuzz/tests/fuzz
TIME=${FUZZ_TIME:-10}
REPEAT=${FUZZ_REPEAT:-3}
SCHEDULE=${FUZZ_SCHEDULE--entropic=0}
# -max_len=N from tests/fuzz/max_len (or FUZZ_MAX_LEN), nothing when the
# target is not listed there (libFuzzer's default: the largest seed).
max_len() {
  local n=${FUZZ_MAX_LEN:-$(awk -v t="$1" '$1 == t {print $2}' "$ROOT/tests/fuzz/max_len" 2>/dev/null)}
  if [[ -n $n ]]; then echo "-max_len=$n"; fi
}
[[ -d $BIN ]] || { echo "fuzz-speed: no $BIN; run 'make fuzz' first" >&2; exit 2; }
targets=${FUZZ_TARGETS:-$(cd "$BIN" && ls fuzz_* 2>/dev/null | grep -v '\.')}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
median() { sort -n | awk '{v[NR]=$1} END {print NR ? v[int((NR+1)/2)] : "?"}'; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %10s %12s  %s\n' target exec/s exec/CPU-s "runs (exec/s each)"
for t in $targets; do
  rates=() cpus=()
  for ((r = 0; r < REPEAT; r++)); do
    rm -rf "$scratch/corpus" && mkdir -p "$scratch/corpus"
    /usr/bin/time -f '%U %S' -o "$scratch/time" "$BIN/$t" -max_total_time="$TIME" $(max_len "$t") \
      $SCHEDULE -print_final_stats=1 -rss_limit_mb=2048 -artifact_prefix="$scratch/" \
      "$scratch/corpus" "$ROOT/tests/fuzz/corpus/$t" >"$scratch/log" 2>&1
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$scratch/log" | tail -1)
    cpu=$(awk '{print $1 + $2}' "$scratch/time" 2>/dev/null)
    rates+=("${rate:-0}")
    cpus+=("$(awk -v r="${runs:-0}" -v c="${cpu:-0}" 'BEGIN {printf "%.0f", (c > 0 ? r / c : 0)}')")
  done
  printf '%-16s %10s %12s  %s\n' "$t" "$(printf '%s\n' "${rates[@]}" | median)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "${rates[*]}"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
