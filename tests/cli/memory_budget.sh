# --memory: a budget far below the corpus's index makes the engine spill
# its token tables and postings to disk; reuse and dups give the same
# output byte for byte, spill files go to --tmp-dir and are gone at the
# end, and a bad size or an unwritable --tmp-dir is one clear error.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "a corpus of some 200,000 words: the example corpus and 40 edited copies"
python3 "$ROOT/tests/cli/lib/copies.py" "$CORPUS" "$WORK/big.jsonl" 41 3

"$HEARSAY" reuse --format jsonl "$WORK/big.jsonl" >"$WORK/mem.jsonl"
[[ $(wc -l <"$WORK/mem.jsonl") -gt 1000 ]] || fail "expected many passages, got $(wc -l <"$WORK/mem.jsonl")"
mkdir "$WORK/tmp"
for t in 1 2; do
  "$HEARSAY" reuse --memory 1M --tmp-dir "$WORK/tmp" --threads $t --format jsonl \
    "$WORK/big.jsonl" >"$WORK/spill.jsonl"
  cmp -s "$WORK/mem.jsonl" "$WORK/spill.jsonl" || fail "--memory 1M --threads $t: output differs"
done
[[ -z $(ls -A "$WORK/tmp") ]] || fail "spill files left behind: $(ls "$WORK/tmp")"

note "Ctrl-C while spilling: exit 130 (or done), no spill file left"
for delay in 0.2 0.5; do
  "$HEARSAY" reuse --memory 1M --tmp-dir "$WORK/tmp" --format jsonl "$WORK/big.jsonl" \
    >"$WORK/int.jsonl" 2>"$WORK/int.err" &
  pid=$!
  sleep $delay
  kill -INT $pid 2>/dev/null || true
  set +e
  wait $pid
  rc=$?
  set -e
  [[ $rc == 130 || $rc == 0 ]] || fail "interrupted after ${delay}s: exit $rc ($(cat "$WORK/int.err"))"
  [[ -z $(ls -A "$WORK/tmp") ]] || fail "spill files left after Ctrl-C: $(ls "$WORK/tmp")"
done

note "dups agree too"
"$HEARSAY" dups --format jsonl "$WORK/big.jsonl" >"$WORK/d1"
"$HEARSAY" dups --memory 1M --format jsonl "$WORK/big.jsonl" >"$WORK/d2"
[[ -s $WORK/d1 ]] || fail "no near-duplicate groups"
cmp -s "$WORK/d1" "$WORK/d2" || fail "dups differ under --memory"

note "bad sizes and directories"
for bad in 0 12 1.5X -3G abc; do
  set +e
  "$HEARSAY" reuse --memory "$bad" "$WORK/big.jsonl" >/dev/null 2>"$WORK/err"
  rc=$?
  set -e
  [[ $rc == 1 ]] || fail "--memory $bad: exit $rc"
  grep -q -- "--memory wants a size" "$WORK/err" || fail "--memory $bad: $(cat "$WORK/err")"
done
set +e
"$HEARSAY" reuse --memory 1M --tmp-dir "$WORK/no/such/dir" "$WORK/big.jsonl" >/dev/null 2>"$WORK/err"
rc=$?
set -e
[[ $rc == 3 ]] || fail "unwritable --tmp-dir: exit $rc ($(cat "$WORK/err"))"
grep -q "cannot create a spill file" "$WORK/err" || fail "unwritable --tmp-dir: $(cat "$WORK/err")"
[[ $(wc -l <"$WORK/err") == 1 ]] || fail "expected one line: $(cat "$WORK/err")"
echo "PASS"
