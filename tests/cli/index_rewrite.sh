# hearsay index runs the sentence stage too: after index, reuse --db gives
# exactly what reuse PATH gives on a corpus with rewritten copies (their
# "rewritten" records included), in one run and in two runs where the
# second adds documents whose partners were counted by the first (the
# stored term counts weight them as one run would).  When the first run
# already held both documents of a rewritten pair, that pair was found
# with the weights of the first run: the store then holds exactly what the
# first run found plus what one run over everything finds for the pairs
# that involve the second run's documents (docs/schema.md).  --strict
# stores n-gram passages only, a store keeps its choice, and a store of an
# earlier version gains the method column with its rows' methods.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

python3 "$ROOT/tests/cli/lib/rewrites.py" "$CORPUS" "$WORK/all.jsonl"
reuse_path() { run 0 "$HEARSAY" reuse --format jsonl "$@"; }

note "reuse PATH finds rewritten copies"
reuse_path "$WORK/all.jsonl"
cp "$WORK/out" "$WORK/direct.jsonl"
n=$(jq -s 'map(select(.method == "rewritten")) | length' "$WORK/direct.jsonl")
[[ $n -ge 5 ]] || fail "only $n rewritten records in the direct run"

note "one index run: reuse --db equals reuse PATH"
run 0 "$HEARSAY" index --db "$WORK/one.db" "$WORK/all.jsonl"
run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/one.db"
cmp -s "$WORK/out" "$WORK/direct.jsonl" ||
  fail "reuse --db after one index differs: $(diff "$WORK/out" "$WORK/direct.jsonl" | head -6)"
[[ $(sql "$WORK/one.db" "SELECT count(*) FROM passages WHERE method = 'rewritten'") == "$n" ]] ||
  fail "the method column does not hold the $n rewritten records"
[[ $(sql "$WORK/one.db" "SELECT count(*) FROM passages WHERE method IS NULL OR method NOT IN ('verbatim', 'edited', 'rewritten', 'summary')") == 0 ]] ||
  fail "a stored passage without a valid method"

# split K: the first K documents, then the rest, in two index runs
split() {
  head -n "$1" "$WORK/all.jsonl" >"$WORK/part1.jsonl"
  tail -n +"$(($1 + 1))" "$WORK/all.jsonl" >"$WORK/part2.jsonl"
  rm -f "$WORK/two.db"*
  run 0 "$HEARSAY" index --db "$WORK/two.db" "$WORK/part1.jsonl"
  run 0 "$HEARSAY" index --db "$WORK/two.db" "$WORK/part2.jsonl"
  run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/two.db"
}

note "two index runs: reuse --db equals reuse PATH"
# The originals and three rewrites, then six rewrites: the second run's
# term weights need the documents the first run counted.
split 19
cmp -s "$WORK/out" "$WORK/direct.jsonl" ||
  fail "reuse --db after two index runs differs: $(diff "$WORK/out" "$WORK/direct.jsonl" | head -6)"
[[ $(sql "$WORK/two.db" "SELECT sum(tokens) FROM rewrite_docs") == \
   $(sql "$WORK/one.db" "SELECT sum(tokens) FROM rewrite_docs") ]] ||
  fail "two runs counted other documents than one"

note "two index runs, a rewritten pair in the first: the first run's records plus the direct run's for the second"
for k in 16 21; do
  split $k
  cp "$WORK/out" "$WORK/two.jsonl"
  reuse_path "$WORK/part1.jsonl"
  python3 - "$WORK/part2.jsonl" "$WORK/out" "$WORK/direct.jsonl" "$WORK/two.jsonl" <<'PY' || fail "split $k: the store is not the first run's records plus the direct run's for the second"
import json, sys
new = {json.loads(l)["id"] for l in open(sys.argv[1])}
def key(p):
    p = dict(p)
    p.pop("family")
    return json.dumps(p, sort_keys=True)
first = [key(json.loads(l)) for l in open(sys.argv[2])]
direct = [key(p) for p in map(json.loads, open(sys.argv[3]))
          if p["a"]["doc"] in new or p["b"]["doc"] in new]
got = [key(json.loads(l)) for l in open(sys.argv[4])]
sys.exit(sorted(first + direct) != sorted(got))
PY
done

note "--strict: n-gram passages only, as reuse --strict; the store keeps its choice"
run 0 "$HEARSAY" index --strict --db "$WORK/strict.db" "$WORK/part1.jsonl"
run 0 "$HEARSAY" index --strict --db "$WORK/strict.db" "$WORK/part2.jsonl"
run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/strict.db"
cp "$WORK/out" "$WORK/strict-db.jsonl"
reuse_path --strict "$WORK/all.jsonl"
cmp -s "$WORK/out" "$WORK/strict-db.jsonl" || fail "index --strict differs from reuse --strict"
run 1 "$HEARSAY" index --db "$WORK/strict.db" "$WORK/all.jsonl"
grep_err "rewrite = 0"

note "a store without the method column opens, and its rows get their method"
cp "$WORK/strict.db" "$WORK/old.db"
sqlite3 "$WORK/old.db" "ALTER TABLE passages DROP COLUMN method; DELETE FROM meta WHERE key = 'rewrite'; DROP TABLE IF EXISTS rewrite_docs; DROP TABLE IF EXISTS rewrite_terms"
chmod a-w "$WORK/old.db"
run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/old.db"
cmp -s "$WORK/out" "$WORK/strict-db.jsonl" || fail "a read-only store without the column reads otherwise"
chmod u+w "$WORK/old.db"
run 0 "$HEARSAY" reuse --format jsonl --db "$WORK/old.db"
cmp -s "$WORK/out" "$WORK/strict-db.jsonl" || fail "a migrated store reads otherwise"
[[ $(sql "$WORK/old.db" "SELECT count(*) FROM passages WHERE method IS NULL") == 0 ]] ||
  fail "migrated rows without a method"
[[ $(sql "$WORK/old.db" "SELECT count(*) FROM passages WHERE method = 'verbatim'") -ge 1 &&
   $(sql "$WORK/old.db" "SELECT count(*) FROM passages WHERE method = 'edited'") -ge 1 ]] ||
  fail "migrated rows are not told verbatim from edited"
[[ $(sql "$WORK/old.db" 'PRAGMA integrity_check') == ok ]] || fail "integrity_check after migration"
echo "ok"
