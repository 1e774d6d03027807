# Standard input as "-": JSON Lines when it starts with '{', else one text
# document called "-"; mixed with path arguments.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

run 0 "$HEARSAY" reuse --format jsonl "$CORPUS"
python3 "$CHECK" canon "$WORK/out" --unordered >"$WORK/dir.canon"

note "the whole corpus as JSON Lines on stdin gives the same passages"
python3 "$CHECK" corpus-jsonl "$CORPUS" >"$WORK/corpus.jsonl"
[[ $(lines "$WORK/corpus.jsonl") == 19 ]] || fail "corpus-jsonl wrote $(lines "$WORK/corpus.jsonl") docs, expected 19"
run 0 "$HEARSAY" reuse --format jsonl - <"$WORK/corpus.jsonl"
cp "$WORK/out" "$WORK/stdin.jsonl"
python3 "$CHECK" validate "$WORK/stdin.jsonl" "$WORK/corpus.jsonl" || fail "stdin JSONL records"
python3 "$CHECK" canon "$WORK/stdin.jsonl" --unordered >"$WORK/stdin.canon"
diff "$WORK/dir.canon" "$WORK/stdin.canon" >&2 || fail "stdin JSONL run differs from the directory run"

note "the same through a pipe, and as .jsonl, .jsonl.gz, .jsonl.zst file arguments"
# shellcheck disable=SC2002  # a real pipe, on purpose
cat "$WORK/corpus.jsonl" | "$HEARSAY" reuse --format jsonl - >"$WORK/pipe.jsonl" || fail "pipe run failed"
cmp -s "$WORK/pipe.jsonl" "$WORK/stdin.jsonl" || fail "pipe and redirect differ"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/corpus.jsonl"
cmp -s "$WORK/out" "$WORK/stdin.jsonl" || fail "file argument and stdin differ"
gzip -c "$WORK/corpus.jsonl" >"$WORK/corpus.jsonl.gz"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/corpus.jsonl.gz"
cmp -s "$WORK/out" "$WORK/stdin.jsonl" || fail ".jsonl.gz gives different passages"
if command -v zstd >/dev/null 2>&1; then
  zstd -q -c "$WORK/corpus.jsonl" >"$WORK/corpus.jsonl.zst"
  run 0 "$HEARSAY" reuse --format jsonl "$WORK/corpus.jsonl.zst"
  cmp -s "$WORK/out" "$WORK/stdin.jsonl" || fail ".jsonl.zst gives different passages"
fi

note "plain text on stdin is one document called '-'"
run 0 "$HEARSAY" reuse --format jsonl - <"$CORPUS/riverside-gazette/2024-03-04-flood-barriers.txt"
[[ $(lines "$WORK/out") == 1 ]] || fail "expected the one internal repeat, got $(lines "$WORK/out") lines"
jq -e -s 'any(.[]; .kind == "internal" and .a.doc == "-" and .b.doc == "-" and .a.start == 0)' "$WORK/out" >/dev/null ||
  fail "stdin text document: $(cat "$WORK/out")"

note "stdin mixed with a directory argument"
run 0 "$HEARSAY" reuse --format jsonl - "$CORPUS/riverside-gazette" <"$CORPUS/wire.jsonl"
n=$(jq -s '[.[] | select([.a.doc, .b.doc] | sort == ["2024-03-02-bridge.txt", "lw-2024-0301-bridge"])] | length' "$WORK/out")
[[ $n == 1 ]] || fail "wire story vs its Riverside reprint: $n passages, expected 1"
echo "ok"
