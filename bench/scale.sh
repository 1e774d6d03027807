#!/usr/bin/env bash
# bench/scale.sh — how hearsay's reuse engine scales with corpus size: wall
# time, CPU time and peak memory on synthetic corpora of 10k, 100k and 1M
# news documents made by scale.py from the shared corpora, with sim_text
# beside it on the smaller sizes.  See bench/README.md, "Scaling".
#
#   bench/scale.sh [--sizes "10000 100000 1000000"] [--runs 3] [--big-runs 1]
#                  [--big 1000000] [--fallback 300000] [--seed 1]
#                  [--simtext-max 100000] [--simtext-timeout 600]
#                  [--timeout 3600] [--work DIR] [--out DIR]
#
# Sizes of --big documents or more are run --big-runs times, smaller ones
# --runs times (the median is reported).  Before a size of --big or more,
# its time and memory are extrapolated linearly from the previous size
# (x1.5 for safety); if that passes the machine's available memory or
# --timeout, --fallback documents are run instead and the table says so.
# Corpora are generated once into --work (default $TMPDIR or /tmp, under
# hs-scale) and reused by later runs with the same seed.
#
# Environment: HEARSAY (binary; default build/hearsay), HS_SHARED (shared
# data; default ../shared from the repository root), TMPDIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
hearsay=${HEARSAY:-$root/build/hearsay}
cmdline="bench/scale.sh${*:+ $*}"

sizes="10000 100000 1000000"
runs=3
big_runs=1
big=1000000
fallback=300000
seed=1
simtext_max=100000
simtext_timeout=600
timeout_s=3600
work=${TMPDIR:-/tmp}/hs-scale
out=""

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --big-runs) big_runs=$2; shift 2 ;;
    --big) big=$2; shift 2 ;;
    --fallback) fallback=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --simtext-max) simtext_max=$2; shift 2 ;;
    --simtext-timeout) simtext_timeout=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "scale.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

die() { echo "scale.sh: $*" >&2; exit 1; }
log() { echo "scale.sh: $(date +%H:%M:%S) $*" >&2; }
[ -x "$hearsay" ] || die "no hearsay binary at $hearsay: run make, or set HEARSAY"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) not found: apt-get install time"
have_simtext=1
command -v sim_text >/dev/null || { have_simtext=0; log "sim_text not found: its rows are skipped"; }

mkdir -p "$work"
out=${out:-$root/bench/results/scale-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
runs_dir=$(mktemp -d "$work/runs.XXXXXX")
trap 'rm -rf "$runs_dir"' EXIT
# Benchmark a copy, so that a rebuild during the runs cannot disturb them.
cp "$hearsay" "$runs_dir/hearsay.bin"
hearsay_src=$hearsay
hearsay=$runs_dir/hearsay.bin
ncores=$(nproc)
rows=$out/rows.jsonl
: > "$rows"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $ncores cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "hearsay: $hearsay_src ($("$hearsay" --version 2>/dev/null | head -1 || echo '?'); source $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include 2>/dev/null || echo ' with uncommitted changes'))"
  [ "$have_simtext" = 1 ] && echo "sim_text: $(sim_text -v 2>&1 | head -1)"
  echo "corpora: scale.py gen --seed $seed (in $work)"
  echo "command: $cmdline"
} > "$out/meta.txt"

# corpus N -> path of the generated corpus of N documents (made once)
corpus() {
  local n=$1 f=$work/scale-s$seed-$1.jsonl
  if [ ! -s "$f" ]; then
    log "generating $n documents into $f"
    python3 "$here/scale.py" gen --docs "$n" --seed "$seed" --out "$f.tmp" >&2
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}

# timed NAME I CMD... : one run under GNU time and timeout, stdout to
# $runs_dir/NAME.out, measurements to $runs_dir/time.NAME.I
timed() {
  local name=$1 i=$2; shift 2
  local rc=0
  /usr/bin/time -v -o "$runs_dir/time.$name.$i" timeout "$timeout_s" "$@" \
    > "$runs_dir/$name.out" 2> "$runs_dir/$name.err" || rc=$?
  [ "$rc" = 0 ] || { cat "$runs_dir/$name.err" >&2; log "$name failed (status $rc)"; return "$rc"; }
  log "$name run $i: $(grep -F 'Elapsed (wall' "$runs_dir/time.$name.$i" | sed 's/.*): //') wall, $(awk '/Maximum resident/ {printf "%.0f MiB", $NF/1024}' "$runs_dir/time.$name.$i") peak"
}

prev_row=""   # "bytes wall_all rss_mib" of the previous size
for n in $sizes; do
  r=$runs; [ "$n" -ge "$big" ] && r=$big_runs
  if [ "$n" -ge "$big" ] && [ -n "$prev_row" ]; then
    # Extrapolate from the previous size: linear in documents, x1.5.
    read -r pdocs pwall prss <<< "$prev_row"
    avail=$(awk '/MemAvailable/ {printf "%d", $2/1024}' /proc/meminfo)
    est_rss=$(awk -v a="$prss" -v n="$n" -v p="$pdocs" 'BEGIN {printf "%d", a * n / p * 1.5}')
    est_s=$(awk -v a="$pwall" -v n="$n" -v p="$pdocs" 'BEGIN {printf "%d", a * n / p * 1.5}')
    log "$n docs: estimated ${est_s}s and ${est_rss} MiB (available ${avail} MiB, timeout ${timeout_s}s)"
    if [ "$est_rss" -gt "$avail" ] || [ "$est_s" -gt "$timeout_s" ]; then
      log "$n documents would not fit; running $fallback instead"
      echo "note: $n documents were estimated at ${est_s}s and ${est_rss} MiB, past this machine; $fallback were run instead" >> "$out/meta.txt"
      n=$fallback
    fi
  fi
  f=$(corpus "$n")
  stats=$(python3 "$here/scale.py" stats "$f"); docs=${stats% *}; bytes=${stats#* }
  log "$docs docs, $bytes bytes of text, $r run(s) per configuration"
  rm -f "$runs_dir"/time.*
  # The two configurations take turns, so that slow drifts in load hit both.
  # A run past --timeout drops that configuration for this size (noted).
  ok_all=1 ok_1=1
  for i in $(seq 1 "$r"); do
    if [ "$ok_all" = 1 ]; then
      timed "hs-all" "$i" "$hearsay" reuse --format jsonl --no-progress "$f" || ok_all=0
    fi
    if [ "$ok_1" = 1 ]; then
      timed "hs-1" "$i" "$hearsay" reuse --format jsonl --no-progress --threads 1 "$f" || ok_1=0
    fi
  done
  [ "$ok_all" = 1 ] || echo "note: hearsay ($ncores threads) failed or passed the ${timeout_s}s timeout on $docs documents" >> "$out/meta.txt"
  [ "$ok_1" = 1 ] || echo "note: hearsay (1 thread) failed or passed the ${timeout_s}s timeout on $docs documents" >> "$out/meta.txt"
  [ "$ok_all" = 1 ] && python3 "$here/scale.py" row hearsay "$docs" "$bytes" "$ncores" \
    "$runs_dir/hs-all.out" "$runs_dir"/time.hs-all.* >> "$rows"
  [ "$ok_1" = 1 ] && python3 "$here/scale.py" row hearsay "$docs" "$bytes" 1 \
    "$runs_dir/hs-1.out" "$runs_dir"/time.hs-1.* >> "$rows"
  [ "$ok_all" = 1 ] || [ "$ok_1" = 1 ] || die "hearsay failed on $docs documents"
  prev_row="$docs $(tail -1 "$rows" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["wall"], r["rss_mib"])')"
  rm -f "$runs_dir"/hs-*.out

  if [ "$have_simtext" = 1 ] && [ "$n" -le "$simtext_max" ]; then
    sdir=$runs_dir/simtext
    rm -rf "$sdir"
    python3 "$here/simtext.py" prep "$f" "$sdir"
    # sim_text -r 12 -s -n -T -w 250 -i, as in run.sh; one run (it is the
    # slow side), preparation not timed.
    rc=0
    /usr/bin/time -v -o "$runs_dir/time.st.1" timeout "$simtext_timeout" \
      sh -c 'cd "$1" && sim_text -r 12 -s -n -T -w 250 -i < list' sh "$sdir" \
      > "$runs_dir/st.raw" 2> "$runs_dir/st.err" || rc=$?
    if [ "$rc" = 0 ]; then
      grep -F '|' "$runs_dir/st.raw" > "$runs_dir/st.out" || true
      log "sim_text: $(grep -F 'Elapsed (wall' "$runs_dir/time.st.1" | sed 's/.*): //') wall"
      python3 "$here/scale.py" row "sim_text -r 12 -s" "$docs" "$bytes" 1 "$runs_dir/st.out" \
        "$runs_dir/time.st.1" >> "$rows"
    elif [ "$rc" = 124 ]; then
      log "sim_text passed ${simtext_timeout}s on $docs documents"
      echo "note: sim_text passed the ${simtext_timeout}s timeout on $docs documents" >> "$out/meta.txt"
    else
      cat "$runs_dir/st.err" >&2; log "sim_text failed (status $rc)"
    fi
    rm -rf "$sdir" "$runs_dir"/st.*
  fi
done

{
  echo '```'; cat "$out/meta.txt"; echo '```'; echo
  python3 "$here/scale.py" table "$rows"
} | tee "$out/results.md"
log "results in $out"
