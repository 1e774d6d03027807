#!/usr/bin/env bash
# bench/run.sh — throughput, memory and planted-reuse recall of hearsay
# against sim_text (Debian package similarity-tester).  See bench/README.md.
#
#   bench/run.sh [--input FILE.jsonl[.gz]] [--truth TRUTH.jsonl] [--runs 3] [--limit N]
#                [--planted-docs N] [--planted N] [--no-planted] [--no-real]
#                [--threads N|all] [--no-single-thread] [--timeout SECONDS]
#                [--fallback N] [--simtext-r N] [--merge-gap N] [--seed N]
#                [--hearsay-opts "..."] [--out DIR] [--keep]
#
# Environment: HEARSAY (binary; default build/hearsay), HS_SHARED (shared
# data; default ../shared from the repository root), TMPDIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${HS_SHARED:-$root/../shared}
hearsay=${HEARSAY:-$root/build/hearsay}

cmdline="bench/run.sh${*:+ $*}"
input=$shared/corpora/saudinewsnet-ar.jsonl.gz
runs=3
limit=0
planted_docs=0
planted=0
do_planted=1
do_real=1
threads=all
single=1
timeout_s=1200
fallback=5000
simtext_r=12
merge_gap=24
seed=1
hs_opts=""
truth_in=""
out=""
keep=0

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --input) input=$2; shift 2 ;;
    --truth) truth_in=$2; do_planted=0; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --planted-docs) planted_docs=$2; shift 2 ;;
    --planted) planted=$2; shift 2 ;;
    --no-planted) do_planted=0; shift ;;
    --no-real) do_real=0; shift ;;
    --threads) threads=$2; shift 2 ;;
    --no-single-thread) single=0; shift ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --fallback) fallback=$2; shift 2 ;;
    --simtext-r) simtext_r=$2; shift 2 ;;
    --merge-gap) merge_gap=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --hearsay-opts) hs_opts=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "run.sh: $*" >&2; exit 1; }
[ -x "$hearsay" ] || die "no hearsay binary at $hearsay: run make, or set HEARSAY"
command -v sim_text >/dev/null || die "sim_text not found: apt-get install similarity-tester"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found: apt-get install time"
[ -r "$input" ] || die "cannot read $input (set HS_SHARED or give --input)"

stamp=$(date +%Y%m%d-%H%M%S)
out=${out:-$root/bench/results/$stamp}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/hs-bench.XXXXXX")
cleanup() {
  if [ "$keep" = 1 ]; then echo "run.sh: work files kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
# Benchmark a copy, so that a rebuild during the runs cannot disturb them.
cp "$hearsay" "$work/hearsay.bin"
hearsay_src=$hearsay
hearsay=$work/hearsay.bin

rows=$out/rows.jsonl
: > "$rows"
log() { echo "run.sh: $*" >&2; }

# timed_once NAME RUN WORKDIR INFILE OUTFILE CMD... : run CMD once in
# WORKDIR under GNU time and timeout, stdin from INFILE, stdout to OUTFILE;
# the measurements go to $work/time.NAME.RUN.  Returns 124 on a timeout.
timed_once() {
  local name=$1 i=$2 dir=$3 infile=$4 outfile=$5; shift 5
  local rc=0
  (cd "$dir" && /usr/bin/time -v -o "$work/time.$name.$i" \
     timeout "$timeout_s" "$@" < "$infile" > "$outfile" 2> "$work/stderr.$name") || rc=$?
  if [ "$rc" = 124 ]; then log "$name: run $i passed the ${timeout_s}s timeout"; return 124; fi
  [ "$rc" = 0 ] || { cat "$work/stderr.$name" >&2; die "$name failed (status $rc)"; }
  log "$name: run $i of $runs: $(grep -F 'Elapsed (wall' "$work/time.$name.$i" | sed 's/.*): //') wall"
}

# corpus_stats FILE -> "docs bytes"
corpus_stats() {
  python3 -c '
import json, sys
n = b = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line); n += 1; b += len(d["text"].encode("utf-8"))
print(n, b)' "$1"
}

# record DATASET TOOL NAME DOCS BYTES PASSAGES_FILE [TRUTH] : append one row
record() {
  local dataset=$1 tool=$2 name=$3 docs=$4 bytes=$5 passages=$6 truth=${7:-}
  local score=null
  if [ -n "$truth" ]; then
    score=$(python3 "$here/score_planted.py" --json --truth "$truth" "$passages")
  fi
  python3 "$here/table.py" row "$dataset" "$tool" "$docs" "$bytes" "$passages" "$score" \
    "$work"/time."$name".* >> "$rows"
}

# bench_dataset NAME CORPUS [TRUTH]
bench_dataset() {
  local ds=$1 corpus=$2 truth=${3:-}
  local stats docs bytes
  stats=$(corpus_stats "$corpus"); docs=${stats% *}; bytes=${stats#* }
  log "$ds: $docs docs, $bytes bytes of text"

  local sdir=$work/simtext-$ds
  rm -rf "$sdir"
  python3 "$here/simtext.py" prep "$corpus" "$sdir"
  local configs=$threads i t
  [ "$single" = 1 ] && [ "$threads" != 1 ] && configs="$configs 1"
  # The tools take turns (sim_text, hearsay, hearsay 1 thread, sim_text,
  # ...) so that slow drifts in machine load hit them alike.  sim_text
  # goes first: its first run decides whether the corpus fits the timeout.
  for i in $(seq 1 "$runs"); do
    timed_once "simtext-$ds" "$i" "$sdir" "$sdir/list" "$work/simtext-$ds.out" \
      sim_text -r "$simtext_r" -s -n -T -w 250 -i || return $?
    for t in $configs; do
      local topt=(); [ "$t" = all ] || topt=(--threads "$t")
      # shellcheck disable=SC2086
      timed_once "hearsay-t$t-$ds" "$i" "$work" /dev/null "$work/hearsay-t$t-$ds.jsonl" \
        "$hearsay" reuse --format jsonl --no-progress "${topt[@]}" $hs_opts "$corpus" || return $?
    done
  done
  python3 "$here/simtext.py" convert "$corpus" "$sdir" "$work/simtext-$ds.out" \
    > "$work/simtext-$ds.jsonl"
  python3 "$here/simtext.py" convert "$corpus" "$sdir" "$work/simtext-$ds.out" \
    --merge-gap "$merge_gap" > "$work/simtext-merged-$ds.jsonl"
  rm -rf "$sdir"

  for t in $configs; do
    local label
    case $t in all) label="hearsay (all $(nproc) cores)" ;; 1) label="hearsay (1 thread)" ;; *) label="hearsay ($t threads)" ;; esac
    record "$ds" "$label" "hearsay-t$t-$ds" "$docs" "$bytes" "$work/hearsay-t$t-$ds.jsonl" "$truth"
    [ -n "$truth" ] && cp "$work/hearsay-t$t-$ds.jsonl" "$out/hearsay-t$t-$ds.jsonl"
  done
  record "$ds" "sim_text -r $simtext_r -s" "simtext-$ds" "$docs" "$bytes" "$work/simtext-$ds.jsonl" "$truth"
  record "$ds" "sim_text, runs merged (gap $merge_gap)" "simtext-$ds" "$docs" "$bytes" \
    "$work/simtext-merged-$ds.jsonl" "$truth"
  if [ -n "$truth" ]; then cp "$work/simtext-merged-$ds.jsonl" "$out/simtext-merged-$ds.jsonl"; fi
}

decompress() { # FILE LIMIT > plain JSONL (head may close the pipe early)
  local f=$1 n=$2
  (
    set +o pipefail
    case $f in
      *.gz) gzip -dc "$f" ;;
      *.zst) zstd -dc "$f" ;;
      *) cat "$f" ;;
    esac | if [ "$n" -gt 0 ]; then head -n "$n"; else cat; fi
  )
}

base=$(basename "$input"); base=${base%%.*}
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "hearsay: $hearsay_src ($("$hearsay" --version 2>/dev/null | head -1 || echo '?'); source $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include 2>/dev/null || echo ' with uncommitted changes'))"
  echo "sim_text: $(sim_text -v 2>&1 | head -1)"
  echo "input: $input, limit $limit, runs $runs, seed $seed, timeout ${timeout_s}s"
  echo "command: $cmdline"
} > "$out/meta.txt"

if [ "$do_real" = 1 ]; then
  decompress "$input" "$limit" > "$work/real.jsonl"
  [ -n "$truth_in" ] && [ "$limit" -gt 0 ] && die "--truth and --limit do not mix (the truth would refer to missing documents)"
  if ! bench_dataset "$base" "$work/real.jsonl" "$truth_in"; then
    [ -n "$truth_in" ] && die "a run passed the timeout on $input; make a smaller corpus with plant.py --docs"
    log "a run passed the timeout on the whole corpus: both tools rerun on the first $fallback documents"
    echo "note: a run passed the ${timeout_s}s timeout on the whole of $base; both tools ran on its first $fallback documents" >> "$out/meta.txt"
    decompress "$input" "$fallback" > "$work/real.jsonl"
    bench_dataset "$base-first$fallback" "$work/real.jsonl" || die "timeout again on $fallback documents"
  fi
fi

if [ "$do_planted" = 1 ]; then
  plant_args=(--input "$input" --seed "$seed" --out "$work/planted.jsonl" --truth "$work/truth.jsonl")
  [ "$planted_docs" -gt 0 ] && plant_args+=(--docs "$planted_docs")
  [ "$planted_docs" -eq 0 ] && [ "$limit" -gt 0 ] && plant_args+=(--docs "$((limit / 3))")
  [ "$planted" -gt 0 ] && plant_args+=(--planted "$planted")
  python3 "$here/plant.py" "${plant_args[@]}" 2> >(tee "$out/plant.txt" >&2)
  wait
  cp "$work/truth.jsonl" "$out/truth-planted.jsonl"
  if ! bench_dataset "planted-$base" "$work/planted.jsonl" "$work/truth.jsonl"; then
    log "a run passed the timeout on the planted corpus: regenerating it with $fallback documents"
    echo "note: a run passed the ${timeout_s}s timeout on the planted corpus; it was regenerated with $fallback documents" >> "$out/meta.txt"
    plant_args+=(--docs "$fallback")
    python3 "$here/plant.py" "${plant_args[@]}"
    cp "$work/truth.jsonl" "$out/truth-planted.jsonl"
    bench_dataset "planted-$base-$fallback" "$work/planted.jsonl" "$work/truth.jsonl" \
      || die "timeout again on $fallback documents"
  fi
fi

python3 "$here/table.py" table "$rows" "$out/meta.txt" | tee "$out/results.md"
log "results in $out"
