#!/usr/bin/env bash
# bench/pan13.sh — PAN 2013 text-alignment scores of hearsay, and of
# sim_text as a baseline.  See bench/README.md.
#
#   bench/pan13.sh [--jsonl] [--no-simtext] [--simtext-r N] [--merge-gap N]
#                  [--out DIR] [-- HEARSAY_REUSE_OPTIONS...]
#
# hearsay reads src/ and susp/ as two directories, or with --jsonl one
# JSON Lines file built from them (id = file name).
# Environment: HEARSAY (default build/hearsay), HS_SHARED (default ../shared).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${HS_SHARED:-$root/../shared}
hearsay=${HEARSAY:-$root/build/hearsay}
pan=$shared/eval/pan13-train
simtext=1
via=dirs
simtext_r=12
merge_gap=24
out=""

while [ $# -gt 0 ]; do
  case $1 in
    --jsonl) via=jsonl; shift ;;
    --no-simtext) simtext=0; shift ;;
    --simtext-r) simtext_r=$2; shift 2 ;;
    --merge-gap) merge_gap=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "pan13.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

[ -d "$pan" ] || { echo "pan13.sh: $pan not found (set HS_SHARED)" >&2; exit 1; }
[ -x "$hearsay" ] || { echo "pan13.sh: no hearsay at $hearsay: run make or set HEARSAY" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "pan13.sh: /usr/bin/time (GNU time) not found: apt-get install time" >&2; exit 1; }
out=${out:-$root/bench/results/pan13-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/hs-pan13.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$hearsay" "$work/hearsay.bin"   # a rebuild during the run cannot disturb it
hearsay=$work/hearsay.bin

# wall_rss TIMEFILE -> "0:01.23 wall, peak RSS 118 MB"
wall_rss() {
  echo "$(grep -F 'Elapsed (wall' "$1" | sed 's/.*): //') wall," \
    "peak RSS $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$1")"
}

python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import pan13; pan13.write_jsonl(sys.argv[2], sys.argv[3])' \
  "$here" "$pan" "$work/pan.jsonl"
if [ "$via" = jsonl ]; then
  inputs=("$work/pan.jsonl"); how="one JSONL file built from src/ and susp/"
else
  inputs=("$pan/src" "$pan/susp"); how="src/ and susp/ as two directories"
fi

echo "## hearsay reuse --no-internal${*:+ $*} ($how)"
echo
/usr/bin/time -v -o "$work/time" "$hearsay" reuse --format jsonl --no-internal "$@" \
  "${inputs[@]}" > "$out/hearsay.jsonl" 2> "$out/hearsay.stderr"
python3 "$here/pan13.py" --pan "$pan" --detections "$out/hearsay.jsonl"
echo "hearsay: $(wall_rss "$work/time")"
if [ -s "$out/hearsay.stderr" ]; then
  echo "hearsay warnings: $(wc -l < "$out/hearsay.stderr") lines," \
    "$(grep -c 'binary file, skipped' "$out/hearsay.stderr" || true) files skipped as binary" \
    "(see $out/hearsay.stderr)"
fi

if [ "$simtext" = 1 ]; then
  echo
  echo "## sim_text -r $simtext_r -S susp / src, runs merged within $merge_gap words (baseline)"
  echo
  python3 "$here/simtext.py" prep "$work/pan.jsonl" "$work/st" 2>/dev/null
  # New files (before "/") are the suspicious documents, old files the
  # sources: with -S, sim_text compares each suspicious document with the
  # sources only, which is the PAN task.
  nsusp=$(find "$pan/susp" -maxdepth 1 -type f | wc -l)
  { head -n "$nsusp" "$work/st/list"; echo /; tail -n +"$((nsusp + 1))" "$work/st/list"; } \
    > "$work/st/list2"
  (cd "$work/st" && /usr/bin/time -v -o "$work/time.st" \
     sim_text -r "$simtext_r" -S -n -T -w 250 -i < list2 > "$work/st.out")
  python3 "$here/simtext.py" convert "$work/pan.jsonl" "$work/st" "$work/st.out" \
    --merge-gap "$merge_gap" > "$out/simtext.jsonl" 2>/dev/null
  python3 "$here/pan13.py" --pan "$pan" --detections "$out/simtext.jsonl" \
    | sed 's/^hearsay passages/sim_text passages/'
  echo "sim_text: $(wall_rss "$work/time.st")"
fi
