# The three output formats carry the same passages: JSONL (the default when
# stdout is not a terminal), TSV with its header, and text for people.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "default format on a pipe is JSONL"
run 0 "$HEARSAY" reuse "$CORPUS"
cp "$WORK/out" "$WORK/default.jsonl"
run 0 "$HEARSAY" reuse --format jsonl "$CORPUS"
cp "$WORK/out" "$WORK/p.jsonl"
cmp -s "$WORK/default.jsonl" "$WORK/p.jsonl" || fail "default output on a pipe differs from --format jsonl"
jq -e . "$WORK/p.jsonl" >/dev/null || fail "--format jsonl output is not JSON"
python3 "$CHECK" validate "$WORK/p.jsonl" "$CORPUS" || fail "JSONL records"

note "--format tsv: header, then the same passages"
run 0 "$HEARSAY" reuse --format tsv "$CORPUS"
cp "$WORK/out" "$WORK/p.tsv"
head -n1 "$WORK/p.tsv" | cmp -s - <(printf 'family\tkind\ta_doc\ta_start\ta_end\tb_doc\tb_start\tb_end\twords\tsimilarity\n') ||
  fail "TSV header is '$(head -n1 "$WORK/p.tsv")'"
[[ $(lines "$WORK/p.tsv") == $(($(lines "$WORK/p.jsonl") + 1)) ]] || fail "TSV and JSONL have different numbers of passages"
python3 "$CHECK" canon "$WORK/p.jsonl" >"$WORK/c1"
python3 "$CHECK" canon-tsv "$WORK/p.tsv" >"$WORK/c2"
diff "$WORK/c1" "$WORK/c2" >&2 || fail "TSV and JSONL disagree"

note "--format text: readable, names the documents"
run 0 "$HEARSAY" reuse --format text "$CORPUS"
cp "$WORK/out" "$WORK/p.txt"
[[ -s $WORK/p.txt ]] || fail "text output is empty"
[[ $(head -c1 "$WORK/p.txt") != "{" ]] || fail "text output looks like JSON"
for d in $(jq -r '.a.doc, .b.doc' "$WORK/p.jsonl" | sort -u); do
  grep -qF -- "$d" "$WORK/p.txt" || fail "text output does not mention $d"
done

if command -v script >/dev/null 2>&1; then
  note "default format on a terminal is text"
  script -qec "$(printf '%q ' "$HEARSAY" reuse "$CORPUS")" /dev/null </dev/null >"$WORK/tty.txt" 2>&1 ||
    fail "hearsay failed under a pseudo-terminal: $(head -c 500 "$WORK/tty.txt")"
  first=$(tr -d '\r' <"$WORK/tty.txt" | grep -m1 -v '^[[:space:]]*$' || true)
  [[ -n $first && ${first:0:1} != "{" ]] || fail "on a terminal the output is not text: '$first'"
fi

note "--format of an unknown name is a usage error"
run 1 "$HEARSAY" reuse --format xml "$CORPUS"
grep_err '^hearsay: '
echo "ok"
