#!/usr/bin/env bash
# Usage: scripts/fuzz-steady.sh BIN SECONDS CORPUS
#
# Fuzzes BIN for SECONDS from a private copy of CORPUS (the corpus itself is
# left as it was) and prints the runs, the user + system CPU seconds and
# runs per CPU second: the measure docs/fuzzing.md compares builds by, since
# wall-clock rates mean little on a shared machine.  EXTRA="FLAGS" passes
# more libFuzzer flags (-max_len=N, -entropic=0, -rss_limit_mb=2048, ...).
set -u
if [[ $# -ne 3 ]]; then
  echo "usage: scripts/fuzz-steady.sh BIN SECONDS CORPUS" >&2
  exit 1
fi
bin=$1; secs=$2; corpus=$3
work=$(mktemp -d) || exit 3
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
cp -r "$corpus"/. "$work/corpus"/ 2>/dev/null
# shellcheck disable=SC2086  # EXTRA is a list of flags
/usr/bin/time -f '%U %S' -o "$work/time" "$bin" -max_total_time="$secs" \
  ${EXTRA:-} -print_final_stats=1 "$work/corpus" > "$work/log" 2>&1
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
cpu=$(awk '/^[0-9.]+ [0-9.]+$/ {print $1 + $2}' "$work/time")
if [[ -z $runs || -z $cpu ]]; then
  echo "fuzz-steady: $bin gave no statistics; its log:" >&2
  tail -20 "$work/log" >&2
  exit 2
fi
awk -v b="$(basename "$bin")" -v r="$runs" -v c="$cpu" \
  'BEGIN { printf "%s runs=%d cpu=%.2f runs/cpu=%.0f\n", b, r, c, (c > 0 ? r / c : 0) }'
