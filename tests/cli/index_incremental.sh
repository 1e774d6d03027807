# hearsay index --db: a second run adds nothing; a new file is the only
# document processed and its passages appear; reuse --db gives what the
# direct run gives; the database passes PRAGMA integrity_check.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

DB=$WORK/store.db
counts() { echo "$(sql "$DB" 'SELECT count(*) FROM documents') $(sql "$DB" 'SELECT count(*) FROM passages')"; }
integrity() {
  local r
  r=$(sql "$DB" 'PRAGMA integrity_check')
  [[ $r == ok ]] || fail "integrity_check: $r"
}

# A copy of the corpus without the Valley Courier, added later.
mkdir -p "$WORK/c"
cp -r "$CORPUS"/. "$WORK/c/"
mv "$WORK/c/valley-courier" "$WORK/later"

note "index a corpus"
run 0 "$HEARSAY" index --db "$DB" "$WORK/c"
[[ -s $WORK/err ]] || fail "index printed no summary on stderr"
[[ ! -s $WORK/out ]] || fail "index wrote to stdout: $(head -c 300 "$WORK/out")"
integrity
read -r d1 p1 < <(counts)
[[ $d1 == 16 ]] || fail "expected 16 documents stored, got $d1"
[[ $p1 -ge 1 ]] || fail "no passages stored"
nulltext=$(sql "$DB" "SELECT count(*) FROM documents WHERE text IS NULL OR length(CAST(text AS BLOB)) = 0")
[[ $nulltext == 0 ]] || fail "$nulltext documents stored without text"

note "the stored text is the document's text, byte for byte"
want=$(sha256sum <"$CORPUS/riverside-gazette/2024-03-02-bridge.txt" | cut -d' ' -f1)
got=$(sqlite3 "$DB" "SELECT writefile('$WORK/t.bin', CAST(text AS BLOB)) FROM documents WHERE name = 'riverside-gazette/2024-03-02-bridge.txt'" >/dev/null &&
      sha256sum <"$WORK/t.bin" | cut -d' ' -f1)
[[ $got == "$want" ]] || fail "stored text differs from the file"

note "indexing the same corpus again adds nothing"
cp "$DB" "$WORK/before.db"
run 0 "$HEARSAY" index --db "$DB" "$WORK/c"
integrity
[[ "$(counts)" == "$d1 $p1" ]] || fail "second index changed the counts: $(counts), was $d1 $p1"
run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/before.db"
cp "$WORK/out" "$WORK/before.jsonl"
run 0 "$HEARSAY" reuse --format jsonl --db "$DB"
cmp -s "$WORK/out" "$WORK/before.jsonl" || fail "second index changed the stored passages"

note "adding a new file processes only it"
mkdir -p "$WORK/c/valley-courier"
cp "$WORK/later/2024-03-03-bridge.txt" "$WORK/c/valley-courier/"
run 0 "$HEARSAY" index --db "$DB" "$WORK/c"
integrity
read -r d2 p2 < <(counts)
[[ $d2 == $((d1 + 1)) ]] || fail "expected $((d1 + 1)) documents after adding one, got $d2"
[[ $p2 == $((p1 + 3)) ]] || fail "expected 3 new passages (the reprint against its 3 copies), got $((p2 - p1))"
fams=$(sql "$DB" "SELECT count(DISTINCT family) FROM passages p JOIN documents d ON d.doc_id IN (p.a_doc, p.b_doc) WHERE d.name = 'lw-2024-0301-bridge'")
[[ $fams == 1 ]] || fail "the wire story's copies are in $fams families after the addition"
grep -Eq '\b1\b' "$WORK/err" || fail "the summary does not say 1 document was added: $(cat "$WORK/err")"

note "adding the rest, then reuse --db reproduces the direct run"
cp "$WORK/later"/* "$WORK/c/valley-courier/"
run 0 "$HEARSAY" index --db "$DB" "$WORK/c"
integrity
[[ $(sql "$DB" 'SELECT count(*) FROM documents') == 19 ]] || fail "expected all 19 documents"
run 0 "$HEARSAY" reuse --format jsonl --db "$DB"
cp "$WORK/out" "$WORK/db.jsonl"
python3 "$CHECK" canon "$WORK/db.jsonl" --unordered >"$WORK/db.canon"
run 0 "$HEARSAY" reuse --format jsonl "$CORPUS"
python3 "$CHECK" canon "$WORK/out" --unordered >"$WORK/direct.canon"
diff "$WORK/direct.canon" "$WORK/db.canon" >&2 || fail "reuse --db differs from the direct run"
python3 "$CHECK" planted "$CORPUS" "$PLANTED" "$WORK/db.jsonl" || fail "reuse --db known answer"
run 0 "$HEARSAY" reuse --format tsv --db "$DB"
[[ $(lines "$WORK/out") == 13 ]] || fail "reuse --format tsv --db: $(lines "$WORK/out") lines, expected 13"

note "a file that is not a hearsay database is a database error"
printf 'this is not sqlite\n' >"$WORK/not.db"
run 4 "$HEARSAY" reuse --db "$WORK/not.db"
grep_err '^hearsay: .*not\.db'
echo "ok"
