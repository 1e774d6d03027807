# The MPI build (docs/mpi.md): `mpirun -np N hearsay reuse PATH...` spread
# over 1, 2 and 4 ranks writes exactly what one process writes, on the
# example corpus, on a corpus large enough for the ranks' token tables to
# spill (--memory 1M), and on a real sample from ../shared when present;
# dups too; other commands run once, on rank 0; a failure on some ranks
# ends all of them with one message.  Runs only with an MPI build of
# hearsay (make mpi; `make check` runs it from build-mpi/) and mpirun.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

need mpirun ldd
[[ $(ldd "$HEARSAY" 2>/dev/null) == *libmpi* ]] ||
  skip "$HEARSAY is not an MPI build (make mpi builds build-mpi/hearsay)"

# Open MPI refuses root without these, and on one machine needs leave to
# start more ranks than cores; the single-copy mechanism fails in some
# containers, so it is turned off (shared memory still carries the data).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
MPIRUN=(mpirun)
if mpirun --version 2>&1 | grep -q 'Open MPI'; then
  MPIRUN+=(--oversubscribe --allow-run-as-root)
fi

# same NAME ARGS...: the output of ARGS under 1, 2 and 4 ranks equals the
# single-process output (the binary started without mpirun), the sentence
# stage's rewritten records and the repeated subheads included.
same() {
  local name=$1 np
  shift
  run 0 "$HEARSAY" "$@"
  mv "$WORK/out" "$WORK/$name.ref"
  for np in 1 2 4; do
    run 0 "${MPIRUN[@]}" -np $np "$HEARSAY" "$@"
    cmp -s "$WORK/$name.ref" "$WORK/out" ||
      fail "$name with $np ranks differs from one process: $(diff "$WORK/$name.ref" "$WORK/out" | head -5)"
  done
}

note "example corpus: reuse in three formats, without internal repeats, dups"
same reuse-jsonl reuse --format jsonl "$CORPUS"
[[ $(lines "$WORK/reuse-jsonl.ref") -gt 5 ]] || fail "too few passages in the example corpus"
same reuse-tsv reuse --format tsv "$CORPUS"
same reuse-text reuse --format text "$CORPUS"
same reuse-noint reuse --format jsonl --no-internal --min-words 8 "$CORPUS"
same dups dups --format jsonl --threshold 0.3 "$CORPUS"

note "rewritten copies: the sentence stage runs on rank 0; --strict leaves it out"
python3 "$ROOT/tests/cli/lib/rewrites.py" "$CORPUS" "$WORK/rw.jsonl"
same rw reuse --format jsonl "$WORK/rw.jsonl"
[[ $(jq -s 'map(select(.method == "rewritten")) | length' "$WORK/rw.ref") -ge 5 ]] ||
  fail "too few rewritten records"
same rw-strict reuse --format jsonl --strict "$WORK/rw.jsonl"
same rw-dups dups --format jsonl --threshold 0.3 "$WORK/rw.jsonl"
# the briefs that sum up an article, of tests/cli/summary.sh: the summary
# pass, over a pair seeded without a passage, one with copied pieces, one
# that shares rare words only (a pair the sentence stage hands on) and
# one whose article shares its page with another story
awk '/^python3 - "\$WORK\/c.jsonl" .*<<.PY.$/ { on = 1; next } /^PY$/ { on = 0 } on' \
  "$ROOT/tests/cli/summary.sh" >"$WORK/summary.py"
python3 "$WORK/summary.py" "$WORK/summary.jsonl" "$WORK/pieces.jsonl" "$WORK/noseed.jsonl" \
  "$WORK/page.jsonl"
for c in summary pieces noseed page; do
  same "$c" reuse --format jsonl "$WORK/$c.jsonl"
  [[ $(jq -s 'map(select(.method == "summary")) | length' "$WORK/$c.ref") -ge 1 ]] ||
    fail "$c: no summary record"
done

note "a corpus of 240,000 words under --memory 1M: token tables spill on every rank"
python3 "$ROOT/tests/cli/lib/copies.py" "$CORPUS" "$WORK/big.jsonl" 48 5 --series 3
same big reuse --format jsonl --memory 1M "$WORK/big.jsonl"
[[ $(lines "$WORK/big.ref") -gt 100 ]] || fail "too few passages in the generated corpus"

note "other commands run once, on rank 0"
run 0 "$HEARSAY" meta --format jsonl "$CORPUS"
mv "$WORK/out" "$WORK/meta.ref"
run 0 "${MPIRUN[@]}" -np 2 "$HEARSAY" meta --format jsonl "$CORPUS"
cmp -s "$WORK/meta.ref" "$WORK/out" || fail "meta under 2 ranks differs (written twice?)"

note "ranks that read different inputs (standard input reaches rank 0 only): one message"
set +e
head -3 "$WORK/big.jsonl" | "${MPIRUN[@]}" -np 2 "$HEARSAY" reuse - >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
[[ $rc == 2 ]] || fail "reuse - under 2 ranks: exit $rc, expected 2: $(cat "$WORK/err")"
[[ $(grep -c '^hearsay: ' "$WORK/err") == 1 ]] || fail "expected one message: $(cat "$WORK/err")"
grep_err 'the ranks read different inputs'
[[ ! -s $WORK/out ]] || fail "output written despite the error"

note "a missing file: one message, input error on every rank"
run 2 "${MPIRUN[@]}" -np 2 "$HEARSAY" reuse "$WORK/no-such-file.jsonl"
[[ $(grep -c '^hearsay: ' "$WORK/err") == 1 ]] || fail "expected one message: $(cat "$WORK/err")"

SAMPLE=$ROOT/../shared/corpora/bbc-news-en.jsonl.gz
if [[ -r $SAMPLE ]]; then
  note "a real sample: BBC News, 2,225 articles"
  same bbc reuse --format jsonl "$SAMPLE"
  [[ $(lines "$WORK/bbc.ref") -gt 100 ]] || fail "too few passages in the BBC sample"
else
  note "../shared is absent: the real sample is skipped"
fi
echo "ok"
