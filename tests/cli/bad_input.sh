# Bad input and bad usage: exit codes and messages of the documented form
#   hearsay: FILE: message      hearsay: FILE:LINE: message
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

# A passage of 40 words to plant in small test documents.
SHARED="The committee agreed on Tuesday to extend the pilot programme for another eighteen months, after an independent review found that waiting times at the three participating clinics had fallen by almost a quarter since the scheme began last spring."
doc() { printf '%s\n\n%s\n\n%s\n' "$1" "$SHARED" "$2"; }

note "missing path: exit 2, 'hearsay: PATH: ...'"
run 2 "$HEARSAY" reuse "$WORK/no-such-dir"
grep_err "^hearsay: $WORK/no-such-dir: "
[[ ! -s $WORK/out ]] || fail "output on stdout for a missing path"
run 2 "$HEARSAY" reuse "$CORPUS" "$WORK/no-such-file.txt"
grep_err "^hearsay: $WORK/no-such-file.txt: "
run 2 "$HEARSAY" dups "$WORK/no-such-dir"
grep_err "^hearsay: $WORK/no-such-dir: "

note "malformed JSON line: warning with FILE:LINE, other lines used, exit 0"
J=$WORK/bad.jsonl
{
  jq -cn --arg t "$(doc 'Clinic hours change in Amberton.' 'Patients were told by letter.')" '{id: "one", text: $t}'
  echo '{"id": "two", "text": "unterminated'
  jq -cn --arg t "$(doc 'Health board meets in Corvale.' 'The vote was unanimous.')" '{id: "three", text: $t}'
  echo '[1, 2, 3]'
} >"$J"
run 0 "$HEARSAY" reuse --format jsonl "$J"
grep_err "^hearsay: $J:2: "
grep_err "^hearsay: $J:4: "
[[ $(grep -c '^hearsay: ' "$WORK/err") == 2 ]] || fail "expected 2 warnings: $(cat "$WORK/err")"
jq -e -s 'length == 1 and .[0].a.doc == "one" and .[0].b.doc == "three" and .[0].words >= 38' "$WORK/out" >/dev/null ||
  fail "the good lines were not all processed: $(cat "$WORK/out")"
run 0 "$HEARSAY" reuse --quiet --format jsonl "$J"
[[ ! -s $WORK/err ]] || fail "--quiet still prints: $(cat "$WORK/err")"
[[ $(lines "$WORK/out") == 1 ]] || fail "--quiet changed the output"

note "a binary file in a directory: one warning, skipped"
D=$WORK/dir
mkdir -p "$D/sub"
doc "Amberton clinic report." "Staff welcomed the news." >"$D/a.txt"
doc "Corvale clinic report." "Unions were more cautious." >"$D/sub/b.txt"
head -c 4096 /dev/urandom >"$D/image.bin"
printf '\x00\x01\x02PNG\x00\x00' >>"$D/image.bin"
run 0 "$HEARSAY" reuse --format jsonl "$D"
[[ $(grep -c '^hearsay: ' "$WORK/err") == 1 ]] || fail "expected one warning: $(cat "$WORK/err")"
grep_err "^hearsay: $D/image\.bin: "
jq -e -s 'length == 1 and ([.[0].a.doc, .[0].b.doc] | sort) == ["a.txt", "sub/b.txt"]' "$WORK/out" >/dev/null ||
  fail "documents beside the binary file: $(cat "$WORK/out")"

note "a file argument keeps the path as given as its id"
run 0 "$HEARSAY" reuse --format jsonl "$D/a.txt" "$D/sub/b.txt"
jq -e -s --arg a "$D/a.txt" --arg b "$D/sub/b.txt" 'length == 1 and ([.[0].a.doc, .[0].b.doc] | sort) == ([$a, $b] | sort)' "$WORK/out" >/dev/null ||
  fail "ids of file arguments: $(cat "$WORK/out")"

note "empty directory: an input error saying so, no output"
mkdir -p "$WORK/empty"
run 2 "$HEARSAY" reuse "$WORK/empty"
grep_err 'empty: no documents: nothing to read'
[[ ! -s $WORK/out ]] || fail "output for an empty directory: $(head -c 300 "$WORK/out")"
run 2 "$HEARSAY" dups "$WORK/empty"
[[ ! -s $WORK/out ]] || fail "dups output for an empty directory"

note "usage errors: exit 1 with a hint"
run 1 "$HEARSAY" reuse --no-such-option "$CORPUS"
grep_err '^hearsay: '
grep -Eqi 'usage|--help' "$WORK/err" || fail "no usage hint: $(cat "$WORK/err")"
[[ ! -s $WORK/out ]] || fail "output on stdout for a usage error"
run 1 "$HEARSAY" frobnicate
grep -Eqi 'usage|--help' "$WORK/err" || fail "no usage hint for an unknown command: $(cat "$WORK/err")"
run 1 "$HEARSAY" reuse --ngram abc "$CORPUS"
grep_err '^hearsay: .*ngram'
run 1 "$HEARSAY" reuse --ngram 0 "$CORPUS"
run 1 "$HEARSAY" reuse --min-similarity 1.5 "$CORPUS"
run 1 "$HEARSAY" dups --threshold abc "$CORPUS"
run 1 "$HEARSAY" reuse
grep -Eqi 'usage|--help' "$WORK/err" || fail "no usage hint without a path: $(cat "$WORK/err")"
run 1 "$HEARSAY" index "$CORPUS"
grep_err '^hearsay: .*--db'

note "version and help"
for v in version --version; do
  run 0 "$HEARSAY" $v
  grep -q '0\.1\.0' "$WORK/out" || fail "'hearsay $v' does not print the version: $(cat "$WORK/out")"
done
for h in help --help -h; do
  run 0 "$HEARSAY" $h
  for w in reuse dups index --db --format; do
    grep -qF -- "$w" "$WORK/out" || fail "'hearsay $h' does not mention $w"
  done
done
echo "ok"
