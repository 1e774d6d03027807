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

note "extract keeps a text or id that is not valid UTF-8: U+FFFD, one warning each"
mkdir -p "$WORK/u8"
printf 'hello \xff world\n' >"$WORK/u8/t.txt"
run 0 "$HEARSAY" extract "$WORK/u8/t.txt"
jq -e '.text == "hello \ufffd world\n"' "$WORK/out" >/dev/null || fail "extract lost or changed the text: $(cat "$WORK/out")"
grep_err "^hearsay: .*t\.txt: text is not valid UTF-8: 1 byte written as U\+FFFD$"
cp "$WORK/u8/t.txt" "$WORK/u8/n$(printf '\xfe').txt"
run 0 "$HEARSAY" extract "$WORK/u8/n$(printf '\xfe').txt"
jq -e '(.id | endswith("n\ufffd.txt")) and (.text | length > 0)' "$WORK/out" >/dev/null || fail "extract lost the id: $(cat "$WORK/out")"
grep_err 'id is not valid UTF-8'

note "text and TSV formats escape control characters in file names and ids"
E=$WORK/esc
mkdir -p "$E"
doc "One." "Two." >"$E/a$(printf '\033')[31m.txt"
doc "Three." "Four." >"$E/b.txt"
for f in text tsv; do
  run 0 "$HEARSAY" reuse --format $f "$E"
  ! grep -q "$(printf '\033')" "$WORK/out" || fail "--format $f writes a raw escape character"
  grep -qF 'a\u001b[31m.txt' "$WORK/out" || fail "--format $f does not show the escaped name: $(cat -v "$WORK/out")"
done
run 0 "$HEARSAY" dups --format text "$E"
! grep -q "$(printf '\033')" "$WORK/out" || fail "dups --format text writes a raw escape character"
run 0 "$HEARSAY" reuse --format jsonl "$E"
jq -e -s 'any(.[]; .a.doc == "a\u001b[31m.txt" or .b.doc == "a\u001b[31m.txt")' "$WORK/out" >/dev/null || fail "JSON Lines id changed"
run 2 "$HEARSAY" reuse "$E/x$(printf '\033')[2J"
! grep -q "$(printf '\033')" "$WORK/err" || fail "an error message writes a raw escape character"

note "a truncated .gz in a directory: its complete documents are kept, and the warning says so"
G=$WORK/gz
mkdir -p "$G"
for i in $(seq 1 40); do
  jq -cn --arg t "$(doc "Story $i opens here." "It ends $i.")" --arg id "g$i" '{id: $id, text: $t}'
done | gzip -c >"$WORK/full.jsonl.gz"
head -c $(( $(stat -c %s "$WORK/full.jsonl.gz") - 30 )) "$WORK/full.jsonl.gz" >"$G/cut.jsonl.gz"
run 0 "$HEARSAY" dups --format jsonl --threshold 0.1 "$G"
grep_err "^hearsay: $G/cut\.jsonl\.gz: truncated gzip data; .*the [0-9]+ documents read before it are kept"
! grep -q '; file skipped$' "$WORK/err" || fail "says the file was skipped although documents of it are used"
n=$(jq -s '[.[].docs[]] | length' "$WORK/out")
(( n >= 30 )) || fail "the complete documents of the truncated file were not used ($n)"

note "a WARC record with a Content-Length past the archive loses that record only"
python3 - "$WORK/lie.warc" <<'PY'
import sys
def rec(uri, html, cl=None):
    http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
    n = len(http) if cl is None else cl
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            b"WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (uri.encode(), uri.encode(), n)) + http + b"\r\n\r\n"
page = lambda t: ("<html><head><title>%s</title></head><body><article><p>%s: the bridge over "
                  "the river reopened on Tuesday after two years of repairs, officials said "
                  "on the radio.</p></article></body></html>" % (t, t))
open(sys.argv[1], "wb").write(rec("http://a/1", page("One")) + rec("http://a/2", page("Two"), cl=100000000)
    + rec("http://a/3", page("Three")) + rec("http://a/4", page("Four"), cl=30000000) + rec("http://a/5", page("Five")))
PY
run 0 "$HEARSAY" extract "$WORK/lie.warc"
[[ $(jq -r .title "$WORK/out" | tr '\n' ' ') == "One Three Five " ]] || fail "records after a wrong Content-Length were lost: $(jq -r .title "$WORK/out")"
grep_err 'byte [0-9]+: WARC record of 100000000 bytes is larger than .*; skipped, resuming at the next record'
grep_err 'byte [0-9]+: WARC record truncated \(Content-Length 30000000, .*resuming at the next record'

note "<meta charset=utf-16> on an ASCII page is read as UTF-8, as browsers do"
printf '<html><head><meta charset="utf-16"><title>Bridge</title></head><body><article><p>The bridge over the river reopened on Tuesday after two years of repairs, officials said.</p></article></body></html>' >"$WORK/u16.html"
run 0 "$HEARSAY" extract "$WORK/u16.html"
jq -e '.title == "Bridge" and (.text | contains("The bridge over the river reopened"))' "$WORK/out" >/dev/null ||
  fail "a UTF-16 meta declaration garbled the page: $(head -c 300 "$WORK/out")"

note "valid JSON lines that the JSON library refuses: lone surrogates, numbers out of range"
printf '{"id":"s1","text":"Lone \\udc00 surrogate and \\ud800 here, a pair \\ud83d\\ude00 too."}\n{"id":"n1","text":"Numbers out of range.","score":1e999999,"big":123456789012345678901234567890}\n{"id":1e400,"text":"An id out of range."}\n' >"$WORK/odd.jsonl"
run 0 "$HEARSAY" index -q --db "$WORK/odd.db" "$WORK/odd.jsonl"
[[ $(sql "$WORK/odd.db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM documents ORDER BY name)") == "1e400 n1 s1" ]] ||
  fail "valid JSON lines were dropped: $(sql "$WORK/odd.db" 'SELECT name FROM documents')"
[[ $(sql "$WORK/odd.db" "SELECT text FROM documents WHERE name = 's1'") == "Lone "$'\xef\xbf\xbd'" surrogate and "$'\xef\xbf\xbd'" here, a pair "$'\xf0\x9f\x98\x80'" too." ]] ||
  fail "lone surrogates not read as U+FFFD"
sql "$WORK/odd.db" "SELECT extra FROM documents WHERE name = 'n1'" | jq -e '.score == "1e999999" and .big == "123456789012345678901234567890"' >/dev/null ||
  fail "numbers out of range not kept as text: $(sql "$WORK/odd.db" "SELECT extra FROM documents WHERE name = 'n1'")"

note "the same objects in a JSON array are read as the JSON lines are"
printf '[{"id":"s1","text":"Lone \\udc00 surrogate and \\ud800 here, a pair \\ud83d\\ude00 too."},\n {"id":"n1","text":"Numbers out of range.","score":1e999999,"big":123456789012345678901234567890},\n {"id":1e400,"text":"An id out of range."}]\n' >"$WORK/odd.json"
run 0 "$HEARSAY" index -q --db "$WORK/odd-array.db" "$WORK/odd.json"
docs_of() { sql "$1" "SELECT name, text, extra FROM documents ORDER BY name"; }
[[ $(docs_of "$WORK/odd-array.db") == "$(docs_of "$WORK/odd.db")" && -n $(docs_of "$WORK/odd.db") ]] ||
  fail "the JSON array was not read as the JSON lines: $(docs_of "$WORK/odd-array.db") $(cat "$WORK/err")"

note "a store in a read-only directory is read read-only"
RO=$WORK/ro
mkdir -p "$RO"
run 0 "$HEARSAY" index -q --db "$RO/s.db" "$CORPUS"
run 0 "$HEARSAY" reuse --format jsonl --db "$RO/s.db"
cp "$WORK/out" "$WORK/ro.ref"
as_reader=()
if [[ $(id -u) == 0 ]]; then
  # root ignores permissions: read as nobody
  if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    as_reader=(setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups)
    chmod 755 "$WORK"
  else
    as_reader=(skip)
  fi
fi
if [[ ${as_reader[0]:-} != skip ]]; then
  chmod 444 "$RO/s.db"
  chmod 555 "$RO"
  run 0 "${as_reader[@]}" "$HEARSAY" reuse --format jsonl --db "$RO/s.db"
  cmp -s "$WORK/out" "$WORK/ro.ref" || fail "reuse --db on a read-only store differs"
  run 0 "${as_reader[@]}" "$HEARSAY" sources --format jsonl --db "$RO/s.db"
  run 4 "${as_reader[@]}" "$HEARSAY" index -q --db "$RO/s.db" "$ROOT/tests/data/claims/news.jsonl"
  grep_err "^hearsay: $RO/s\.db: database is read-only while"
  [[ $(grep -c . "$WORK/err") == 1 ]] || fail "more than one message: $(cat "$WORK/err")"
  chmod 755 "$RO"
  chmod 644 "$RO/s.db"
  chmod 700 "$WORK"
else
  note "skipped: running as root without setpriv or a 'nobody' user"
fi

note "a 100 MB JSON line: its text cut at 64 MiB with a warning, the lines around it read"
python3 - "$WORK/huge.jsonl" "$(doc 'Before the huge line.' 'First copy.')" "$(doc 'After the huge line.' 'Second copy.')" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "before", "text": sys.argv[2]}) + "\n")
    f.write('{"id":"huge","text":"' + " " * (100 << 20) + 'end"}\n')
    f.write(json.dumps({"id": "after", "text": sys.argv[3]}) + "\n")
PY
run 0 "$HEARSAY" reuse --format jsonl "$WORK/huge.jsonl"
grep_err "^hearsay: $WORK/huge\.jsonl:2: \"text\" longer than 67108864 bytes; cut there$"
jq -e -s 'length == 1 and .[0].a.doc == "before" and .[0].b.doc == "after"' "$WORK/out" >/dev/null ||
  fail "the lines around a 100 MB line were not read: $(head -c 300 "$WORK/out")"
rm -f "$WORK/huge.jsonl"

note "NUL bytes: a text file holding one is binary (skipped); in a JSON string it is text"
printf 'abc\0def ghi\n' >"$WORK/nul.txt"
run 2 "$HEARSAY" reuse "$WORK/nul.txt"
grep_err "^hearsay: $WORK/nul\.txt: binary file, skipped"
printf '{"id":"n","text":"a\\u0000b"}\n' >"$WORK/nul.jsonl"
run 0 "$HEARSAY" dups --format jsonl "$WORK/nul.jsonl"

note "truncated gzip and zstd files named directly: exit 2, one message"
jq -cn --arg t "$(doc 'Truncated.' 'Data.')" '{id: "t", text: $t}' >"$WORK/t.jsonl"
for i in $(seq 1 30); do jq -cn --arg t "$(doc "Line $i." 'More.')" --arg id "t$i" '{id: $id, text: $t}'; done >>"$WORK/t.jsonl"
gzip -c "$WORK/t.jsonl" | head -c 300 >"$WORK/t.jsonl.gz"
run 2 "$HEARSAY" reuse "$WORK/t.jsonl.gz"
grep_err "^hearsay: $WORK/t\.jsonl\.gz: truncated gzip data; the file is incomplete$"
[[ $(grep -c . "$WORK/err") == 1 ]] || fail "more than one message: $(cat "$WORK/err")"
if command -v zstd >/dev/null; then
  zstd -q -c "$WORK/t.jsonl" | head -c 300 >"$WORK/t.jsonl.zst"
  run 2 "$HEARSAY" reuse "$WORK/t.jsonl.zst"
  grep_err "^hearsay: $WORK/t\.jsonl\.zst: truncated zstd data; the file is incomplete$"
  [[ $(grep -c . "$WORK/err") == 1 ]] || fail "more than one message: $(cat "$WORK/err")"
fi

note "damaged databases: exit 4, one message naming the file"
printf 'not a database at all, just text\n' >"$WORK/junk.db"
run 4 "$HEARSAY" reuse --db "$WORK/junk.db"
grep_err "^hearsay: $WORK/junk\.db: not a hearsay database"
run 0 "$HEARSAY" index -q --db "$WORK/dmg.db" "$CORPUS"
python3 -c "
f = open('$WORK/dmg.db', 'r+b'); f.seek(120); f.write(b'\xff' * 3000); f.close()"
for c in "reuse --db" "search --db $WORK/dmg.db -- bridge --db" "sources --db" "index -q --db"; do
  set -- $c
  if [[ $1 == index ]]; then run 4 "$HEARSAY" index -q --db "$WORK/dmg.db" "$CORPUS"
  elif [[ $1 == search ]]; then run 4 "$HEARSAY" search --db "$WORK/dmg.db" -- bridge
  else run 4 "$HEARSAY" $1 --db "$WORK/dmg.db"; fi
  grep_err "^hearsay: $WORK/dmg\.db: database is damaged"
  [[ $(grep -c . "$WORK/err") == 1 ]] || fail "$1: more than one message: $(cat "$WORK/err")"
done

note "a store whose documents table reads back short (found by fuzz_store): exit 4, damaged"
cp "$ROOT/tests/fuzz/corpus/fuzz_store/short_documents_table.db" "$WORK/short.db"
for c in reuse dups sources; do
  run 4 "$HEARSAY" $c --db "$WORK/short.db"
  grep_err "^hearsay: $WORK/short\.db: database is damaged"
done

note "an unreadable file: exit 2 naming it (as a user without the permission)"
printf 'secret\n' >"$WORK/secret.txt"
chmod 000 "$WORK/secret.txt"
if [[ $(id -u) != 0 ]]; then
  run 2 "$HEARSAY" reuse "$WORK/secret.txt"
  grep_err "^hearsay: $WORK/secret\.txt: Permission denied"
elif command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  chmod 755 "$WORK"
  run 2 setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups "$HEARSAY" reuse "$WORK/secret.txt"
  grep_err "^hearsay: $WORK/secret\.txt: Permission denied"
  chmod 700 "$WORK"
else
  note "skipped: root without setpriv or a 'nobody' user"
fi
chmod 600 "$WORK/secret.txt"

note "help and version into a full disk: exit 3 with one message"
for a in --version version --help "help reuse" "reuse --help"; do
  rc=0
  "$HEARSAY" $a >/dev/full 2>"$WORK/err" || rc=$?
  [[ $rc == 3 ]] || fail "'hearsay $a' into /dev/full: exit $rc, expected 3"
  grep_err '^hearsay: cannot write the output'
  [[ $(grep -c . "$WORK/err") == 1 ]] || fail "more than one message: $(cat "$WORK/err")"
done

note "--threads past the cores: capped, with a notice"
run 0 "$HEARSAY" reuse --threads 1024 --format jsonl "$CORPUS"
grep_err '^hearsay: --threads 1024 is more than the [0-9]+ cores available; using [0-9]+$'

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
