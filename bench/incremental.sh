#!/usr/bin/env bash
# incremental.sh — cost of `hearsay index` adding a batch to a store of
# growing size: builds stores of the first N documents of a corpus, then
# times (GNU time: wall seconds, peak RSS) the addition of the next M.
#
#   bench/incremental.sh                          # 14,838 and 29,676 + 1,000
#   bench/incremental.sh --sizes "5000 29676" --add 1000
#   HEARSAY=/path/to/other/hearsay bench/incremental.sh   # another binary
#
# Stores are kept under bench/results/incremental/ so that a second binary
# can be timed on the same stores (--reuse-stores); each timed run works on
# a copy.  Needs GNU time at /usr/bin/time and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${HS_SHARED:-$root/../shared}
HEARSAY=${HEARSAY:-$root/build/hearsay}
input=$shared/corpora/saudinewsnet-ar.jsonl.gz
sizes="14838 29676"
add=1000
runs=1
reuse=0
out=$here/results/incremental
while [[ $# -gt 0 ]]; do
  case $1 in
    --input) input=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --add) add=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --reuse-stores) reuse=1; shift ;;
    *) echo "usage: $0 [--input F] [--sizes \"N...\"] [--add M] [--runs R] [--out DIR] [--reuse-stores]" >&2; exit 2 ;;
  esac
done
[[ -r $input ]] || { echo "$0: $input not found (set HS_SHARED)" >&2; exit 77; }
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time" >&2; exit 2; }
mkdir -p "$out"
corpus=$out/corpus.jsonl
[[ -s $corpus ]] || zcat -f "$input" > "$corpus"

# slice FIRST COUNT > file: lines FIRST+1 .. FIRST+COUNT
slice() { sed -n "$(($1 + 1)),$(($1 + $2))p;$(($1 + $2))q" "$corpus"; }

timed() { # cmd... : prints wall seconds and peak MiB
  local log=$out/time.log
  /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>"$out/stderr.log" ||
    { echo "$1 failed:" >&2; cat "$out/stderr.log" >&2; exit 1; }
  awk '{ printf "%s s, %.0f MiB", $1, $2 / 1024 }' "$log"
}

printf '%-10s %-8s %-26s %s\n' "stored" "added" "index (wall, peak RSS)" \
  "first run on the store, nothing added"
for n in $sizes; do
  db=$out/store-$n.db
  slice "$n" "$add" > "$out/add-$n.jsonl"
  if [[ $reuse == 0 || ! -s $db ]]; then
    rm -f "$db" "$db-wal" "$db-shm"
    slice 0 "$n" > "$out/base-$n.jsonl"
    "$HEARSAY" index --quiet --db "$db" "$out/base-$n.jsonl"
    rm -f "$out/base-$n.jsonl"
  fi
  for ((r = 0; r < runs; r++)); do
    cp "$db" "$out/copy.db"
    rm -f "$out/copy.db-wal" "$out/copy.db-shm"
    # a first run on a store written by an older hearsay builds its
    # shingle index once: timed apart
    first=$(timed "$HEARSAY" index --quiet --db "$out/copy.db" /dev/null)
    printf '%-10s %-8s %-26s %s\n' "$n" "$add" \
      "$(timed "$HEARSAY" index --quiet --db "$out/copy.db" "$out/add-$n.jsonl")" \
      "$first"
  done
done
rm -f "$out/copy.db" "$out/copy.db-wal" "$out/copy.db-shm"
