#!/usr/bin/env bash
# bench/scale.sh — how hearsay's reuse engine scales with corpus size: wall
# time, CPU time and peak memory on synthetic corpora of 10k, 100k and 1M
# news documents made by scale.py from the shared corpora, with sim_text
# beside it on the smaller sizes.  See bench/README.md, "Scaling".
#
#   bench/scale.sh [--sizes "10000 100000 1000000"] [--runs 3] [--big-runs 1]
#                  [--big 1000000] [--fallback 300000] [--seed 1]
#                  [--budgets 64M] [--big-budgets 4G] [--no-single]
#                  [--simtext-max 100000] [--simtext-timeout 600] [--mpi-max 1000000]
#                  [--timeout 3600] [--work DIR] [--out DIR]
#
# Per size, each configuration is run --runs times below --big documents
# and --big-runs times from there (the median is reported), taking turns:
# hearsay with all cores (the default) and with --threads 1 (not for big
# sizes with --no-single); hearsay --memory B for each B of --budgets
# (below --big) or --big-budgets (from --big), whose output, sorted, is
# compared with the default run's (MATCH or DIFFER in the table); the MPI
# build with 1, 2 and 4 ranks if build-mpi/hearsay (or $HEARSAY_MPI) and
# mpirun exist, up to --mpi-max documents (compared the same way);
# sim_text up to --simtext-max.
# Before a size of --big or more, the default run's time and memory are
# extrapolated linearly from the previous size (x1.5 for safety); if that
# passes --timeout, --fallback documents are run instead (memory is no
# reason: the budget bounds it).  Corpora are generated once into --work
# (default $TMPDIR or /tmp, under hs-scale) and reused with the same seed.
#
# Environment: HEARSAY (binary; default build/hearsay), HEARSAY_MPI (default
# build-mpi/hearsay), HS_SHARED (shared data; default ../shared from the
# repository root), TMPDIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
hearsay=${HEARSAY:-$root/build/hearsay}
hearsay_mpi=${HEARSAY_MPI:-$root/build-mpi/hearsay}
cmdline="bench/scale.sh${*:+ $*}"

sizes="10000 100000 1000000"
runs=3
big_runs=1
big=1000000
fallback=300000
seed=1
budgets="64M"
big_budgets="4G"
single_big=1
simtext_max=100000
simtext_timeout=600
mpi_max=1000000
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
    --budgets) budgets=$2; shift 2 ;;
    --big-budgets) big_budgets=$2; shift 2 ;;
    --no-single) single_big=0; shift ;;
    --simtext-max) simtext_max=$2; shift 2 ;;
    --mpi-max) mpi_max=$2; shift 2 ;;
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
have_mpi=0
if [ -x "$hearsay_mpi" ] && command -v mpirun >/dev/null; then have_mpi=1; fi
# Open MPI refuses to run as root unless told twice (containers, CI).
if [ "$have_mpi" = 1 ] && [ "$(id -u)" = 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi

mkdir -p "$work"
out=${out:-$root/bench/results/scale-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
runs_dir=$(mktemp -d "$work/runs.XXXXXX")
trap 'rm -rf "$runs_dir"' EXIT
# Benchmark copies, so that a rebuild during the runs cannot disturb them.
cp "$hearsay" "$runs_dir/hearsay.bin"
hearsay_src=$hearsay
hearsay=$runs_dir/hearsay.bin
if [ "$have_mpi" = 1 ]; then
  cp "$hearsay_mpi" "$runs_dir/hearsay-mpi.bin"
  hearsay_mpi_src=$hearsay_mpi
  hearsay_mpi=$runs_dir/hearsay-mpi.bin
fi
ncores=$(nproc)
mem_gib=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)
rows=$out/rows.jsonl
: > "$rows"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $ncores cores, $mem_gib GiB, $(uname -sm); default --memory budget: a quarter of that"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hearsay: $hearsay_src ($("$hearsay" --version 2>/dev/null | head -1 || echo '?'); source $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include 2>/dev/null || echo ' with uncommitted changes'))"
  if [ "$have_mpi" = 1 ]; then echo "hearsay MPI: $hearsay_mpi_src ($(mpirun --version 2>&1 | head -1))"
  else echo "hearsay MPI: none (no $hearsay_mpi or no mpirun): no MPI rows"; fi
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
# $runs_dir/NAME.out, stderr to NAME.err, measurements to time.NAME.I
timed() {
  local name=$1 i=$2; shift 2
  local rc=0
  /usr/bin/time -v -o "$runs_dir/time.$name.$i" timeout "$timeout_s" "$@" \
    > "$runs_dir/$name.out" 2> "$runs_dir/$name.err" || rc=$?
  [ "$rc" = 0 ] || { tail -5 "$runs_dir/$name.err" >&2; log "$name failed (status $rc)"; return "$rc"; }
  log "$name run $i: $(grep -F 'Elapsed (wall' "$runs_dir/time.$name.$i" | sed 's/.*): //') wall, $(awk '/Maximum resident/ {printf "%.0f MiB", $NF/1024}' "$runs_dir/time.$name.$i") peak"
}

# same NAME: MATCH if NAME.out, sorted, is byte-identical to the default
# run's sorted output, else DIFFER
same() {
  LC_ALL=C sort -S 1G -T "$work" "$runs_dir/$1.out" > "$runs_dir/$1.sorted"
  if cmp -s "$runs_dir/$1.sorted" "$runs_dir/ref.sorted"; then echo MATCH; else echo DIFFER; fi
  rm -f "$runs_dir/$1.sorted"
}

prev_row=""   # "docs wall rss_mib" of the previous size's default run
for n in $sizes; do
  r=$runs; isbig=0
  if [ "$n" -ge "$big" ]; then r=$big_runs; isbig=1; fi
  if [ "$isbig" = 1 ] && [ -n "$prev_row" ]; then
    read -r pdocs pwall prss <<< "$prev_row"
    est_s=$(awk -v a="$pwall" -v n="$n" -v p="$pdocs" 'BEGIN {printf "%d", a * n / p * 1.5}')
    est_rss=$(awk -v a="$prss" -v n="$n" -v p="$pdocs" 'BEGIN {printf "%d", a * n / p * 1.5}')
    log "$n docs: estimated ${est_s}s and ${est_rss} MiB in memory (timeout ${timeout_s}s)"
    if [ "$est_s" -gt "$timeout_s" ]; then
      log "$n documents would not finish in time; running $fallback instead"
      echo "note: $n documents were estimated at ${est_s}s, past --timeout; $fallback were run instead" >> "$out/meta.txt"
      n=$fallback
    fi
  fi
  f=$(corpus "$n")
  stats=$(python3 "$here/scale.py" stats "$f"); docs=${stats% *}; bytes=${stats#* }
  log "$docs docs, $bytes bytes of text, $r run(s) per configuration"
  rm -f "$runs_dir"/time.* "$runs_dir"/*.out "$runs_dir"/*.err

  # Configurations: "NAME|LABEL|CONFIG|THREADS|COMPARE|COMMAND..." (COMMAND
  # is split at spaces; the corpus path is appended).
  cfgs=("all|hearsay|default|$ncores|ref|$hearsay reuse --format jsonl --no-progress")
  if [ "$isbig" = 0 ] || [ "$single_big" = 1 ]; then
    cfgs+=("one|hearsay|default|1||$hearsay reuse --format jsonl --no-progress --threads 1")
  fi
  bl=$budgets; [ "$isbig" = 1 ] && bl=$big_budgets
  for b in $bl; do
    cfgs+=("mem$b|hearsay|--memory $b|$ncores|same|$hearsay reuse --format jsonl --no-progress --memory $b")
  done
  if [ "$have_mpi" = 1 ] && [ "$n" -le "$mpi_max" ]; then
    for np in 1 2 4; do
      cfgs+=("mpi$np|hearsay MPI|MPI, $np ranks on one $ncores-core machine|$np ranks|same|mpirun --oversubscribe -np $np $hearsay_mpi reuse --format jsonl --no-progress")
    done
  fi

  declare -A ok=() match=()
  for c in "${cfgs[@]}"; do ok[${c%%|*}]=1; done
  # The configurations take turns, so that slow drifts in load hit all.
  for i in $(seq 1 "$r"); do
    for c in "${cfgs[@]}"; do
      IFS='|' read -r name label config threads cmp cmd <<< "$c"
      [ "${ok[$name]}" = 1 ] || continue
      # shellcheck disable=SC2086
      if ! timed "$name" "$i" $cmd "$f"; then
        ok[$name]=0
        echo "note: $label ($config, $threads) failed or passed the ${timeout_s}s timeout on $docs documents" >> "$out/meta.txt"
        continue
      fi
      if [ "$cmp" = ref ] && [ "$i" = 1 ]; then
        LC_ALL=C sort -S 1G -T "$work" "$runs_dir/$name.out" > "$runs_dir/ref.sorted"
      elif [ "$cmp" = same ] && [ "$i" = 1 ]; then
        if [ "${ok[all]}" = 1 ]; then match[$name]=$(same "$name"); else match[$name]="-"; fi
        log "$name: output ${match[$name]}"
      fi
      # Keep stderr's last lines (hearsay's warnings and summary).
      tail -3 "$runs_dir/$name.err" | sed "s|^|$name $docs: |" >> "$out/stderr.txt"
      [ "$i" = "$r" ] || rm -f "$runs_dir/$name.out"
    done
  done
  [ "${ok[all]}" = 1 ] || die "hearsay failed on $docs documents"
  for c in "${cfgs[@]}"; do
    IFS='|' read -r name label config threads cmp cmd <<< "$c"
    [ "${ok[$name]}" = 1 ] || continue
    python3 "$here/scale.py" row --config "$config" --same "${match[$name]:-}" \
      "$label" "$docs" "$bytes" "$threads" "$runs_dir/$name.out" \
      "$runs_dir"/time."$name".* >> "$rows"
    [ "$name" = all ] && prev_row="$docs $(tail -1 "$rows" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["wall"], r["rss_mib"])')"
  done
  unset ok match
  mkdir -p "$out/time"
  for t in "$runs_dir"/time.*; do cp "$t" "$out/time/${t##*/time.}.$docs"; done
  rm -f "$runs_dir"/*.out "$runs_dir/ref.sorted"

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
      python3 "$here/scale.py" row --config "-r 12 -s" "sim_text" "$docs" "$bytes" 1 \
        "$runs_dir/st.out" "$runs_dir/time.st.1" >> "$rows"
    elif [ "$rc" = 124 ]; then
      log "sim_text passed ${simtext_timeout}s on $docs documents"
      echo "note: sim_text passed the ${simtext_timeout}s timeout on $docs documents" >> "$out/meta.txt"
    else
      tail -5 "$runs_dir/st.err" >&2; log "sim_text failed (status $rc)"
    fi
    rm -rf "$sdir" "$runs_dir"/st.*
  fi
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/meta.txt"

{
  echo '```'; cat "$out/meta.txt"; echo '```'; echo
  python3 "$here/scale.py" table "$rows"
} | tee "$out/results.md"
log "results in $out"
