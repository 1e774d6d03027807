# hearsay meta / sources / graph / timeline and boilerplate masking: the
# annotated articles of tests/data/meta give dates, bylines, attribution
# chains and boilerplate; the example corpus gives a propagation graph
# whose DOT and GEXF forms must be valid; a page footer shared by two
# documents is not reuse unless --keep-boilerplate.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3
META=$ROOT/tests/data/meta

note "meta: one JSON record per document"
run 0 "$HEARSAY" meta --format jsonl "$META"/*.txt
[[ $(wc -l <"$WORK/out") -eq 15 ]] || fail "expected 15 records: $(cat "$WORK/out")"
jq -e -s 'all(has("doc") and has("date") and has("outlet") and has("title")
              and has("byline") and has("boilerplate") and has("attributions"))' \
  "$WORK/out" >/dev/null || fail "a record lacks a field"
rec() { jq -c --arg d "$1" 'select(.doc | endswith($d))' "$WORK/out"; }
rec en01-shelling.txt >"$WORK/en01"
jq -e '.date.value == "2018-10-13" and .date.source == "text"
       and .date.raw == "Saturday, October 13th, 2018"
       and .byline.value == "Karim Haddad" and .outlet.value == "Levant Monitor"' \
  "$WORK/en01" >/dev/null || fail "en01 fields: $(cat "$WORK/en01")"
jq -e '[.attributions[] | select(.chain_pos >= 0) | .normalized][0:3]
         == ["Qodsna", "SANA", "local residents"]
       and .attributions[0].chain == ["Qodsna", "SANA", "local residents"]
       and ([.attributions[] | select(.denial)] | length) == 1' \
  "$WORK/en01" >/dev/null || fail "en01 chain: $(cat "$WORK/en01")"
# byte spans point at the text as written
python3 - "$META/en01-shelling.txt" "$WORK/en01" <<'PY' || fail "spans"
import json, sys
text = open(sys.argv[1], "rb").read()
r = json.loads(open(sys.argv[2]).read())
assert text[r["date"]["start"]:r["date"]["end"]].decode() == r["date"]["raw"]
for a in r["attributions"]:
    s, e = a["source_span"]
    assert text[s:e].decode() == a["source"], a
for s, e in r["boilerplate"]:
    assert b"Leave a Reply" in text[s:e] or b"\xc2\xa9" in text[s:e]
PY
rec fa02-chain.txt | jq -e '.date.value == "2024-03-20"
  and ([.attributions[].normalized] == ["Qodsna", "SANA"])' >/dev/null ||
  fail "fa02: $(rec fa02-chain.txt)"
rec ar02-hijri.txt | jq -e '.date.value == "2024-03-15"' >/dev/null ||
  fail "ar02 Hijri date: $(rec ar02-hijri.txt)"

note "given metadata wins"
run 0 "$HEARSAY" meta "$CORPUS/wire.jsonl"
jq -e -s 'all(.date.source == "given" and (.outlet.value | startswith("lakeland-wire"))
               and .outlet.source == "given")' "$WORK/out" >/dev/null ||
  fail "given date/series not used: $(head -c 600 "$WORK/out")"

note "--aliases adds names; a bad alias file is an input error"
printf 'Levant Monitor\toutlet\tLM\n' >"$WORK/al.tsv"
run 0 "$HEARSAY" meta --aliases "$WORK/al.tsv" "$META/en01-shelling.txt"
printf 'no type here\n' >"$WORK/bad.tsv"
run 2 "$HEARSAY" meta --aliases "$WORK/bad.tsv" "$META"/en01-shelling.txt
grep -q 'bad.tsv:1:' "$WORK/err" || fail "message names FILE:LINE: $(cat "$WORK/err")"
run 2 "$HEARSAY" meta "$WORK/does-not-exist"

note "graph: DOT, GEXF 1.3, JSON Lines"
run 0 "$HEARSAY" graph --format jsonl "$CORPUS"
jq -e -s '[.[] | select(.edge != null and .kind == "republish")] | length > 0' \
  "$WORK/out" >/dev/null || fail "no republish edge"
# reuse edges run from the earlier document to the later (dated ones)
jq -s -e '(map(select(.node != null)) | map({key: (.node | tostring), value: .}) | from_entries) as $n
          | [.[] | select(.edge != null and .kind != "cites" and .evidence != null and (.undated | not))
             | ($n[.from | tostring].date) <= ($n[.to | tostring].date)] | all' \
  "$WORK/out" >/dev/null || fail "a reuse edge runs backwards in time"
run 0 "$HEARSAY" graph --format dot "$CORPUS"
head -1 "$WORK/out" | grep -q '^digraph' || fail "not DOT"
if command -v dot >/dev/null; then
  dot -Tsvg "$WORK/out" >"$WORK/g.svg" 2>"$WORK/dot.err" || fail "dot rejects the graph: $(cat "$WORK/dot.err")"
else
  note "graphviz not installed: DOT syntax not checked"
fi
run 0 "$HEARSAY" graph --format gexf "$CORPUS" "$META"/*.txt
if command -v xmllint >/dev/null; then
  xmllint --noout "$WORK/out" || fail "GEXF is not well-formed XML"
else
  python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$WORK/out" ||
    fail "GEXF is not well-formed XML"
fi
grep -q 'xmlns="http://www.gexf.net/1.2draft"' "$WORK/out" || fail "not GEXF 1.2"
run 1 "$HEARSAY" graph --format svg "$CORPUS"

note "sources and timeline"
run 0 "$HEARSAY" sources --format jsonl "$CORPUS"
jq -e -s '[.[] | select(.section == "families")] | length > 0' "$WORK/out" >/dev/null ||
  fail "no families in the summary"
jq -e -s '[.[] | select(.section == "families" and .first_outlet == "lakeland-wire")] | length > 0' \
  "$WORK/out" >/dev/null || fail "the wire is not a first publisher"
run 0 "$HEARSAY" sources --format text "$META"/*.txt
grep -q 'Most-cited sources' "$WORK/out" || fail "text summary"
grep -q 'SANA' "$WORK/out" || fail "SANA not among cited sources"
run 0 "$HEARSAY" timeline --format jsonl "$CORPUS"
jq -e -s '[.[] | .date | select(. != null)] as $d | $d == ($d | sort)' "$WORK/out" >/dev/null ||
  fail "timeline not in date order"

note "a shared footer is not reuse; --keep-boilerplate keeps it"
mkdir -p "$WORK/site"
FOOT="Leave a Reply
Your email address will not be published. Required fields are marked with a star and comments are moderated before they appear on the site so please be patient"
printf 'Alpha bravo charlie delta echo foxtrot golf hotel india juliet.\n%s\n' "$FOOT" >"$WORK/site/a.txt"
printf 'Zulu yankee xray whiskey victor uniform tango sierra romeo.\n%s\n' "$FOOT" >"$WORK/site/b.txt"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/site"
[[ ! -s $WORK/out ]] || fail "the footer was reported: $(cat "$WORK/out")"
run 0 "$HEARSAY" reuse --format jsonl --keep-boilerplate "$WORK/site"
[[ -s $WORK/out ]] || fail "--keep-boilerplate found nothing"

note "index fills documents_meta, attributions and boilerplate; meta --db"
run 0 "$HEARSAY" index --db "$WORK/m.db" "$META"/*.txt
[[ $(sqlite3 "$WORK/m.db" 'SELECT count(*) FROM documents_meta') -eq 15 ]] ||
  fail "documents_meta rows"
[[ $(sqlite3 "$WORK/m.db" "SELECT count(*) FROM attributions WHERE normalized = 'SANA'") -ge 2 ]] ||
  fail "attributions rows"
[[ $(sqlite3 "$WORK/m.db" 'SELECT count(*) FROM boilerplate') -ge 10 ]] || fail "boilerplate rows"
run 0 "$HEARSAY" index --db "$WORK/m.db" "$META"/*.txt
[[ $(sqlite3 "$WORK/m.db" 'SELECT count(*) FROM documents_meta') -eq 15 ]] ||
  fail "a second index duplicated rows"
run 0 "$HEARSAY" meta --db "$WORK/m.db"
[[ $(wc -l <"$WORK/out") -eq 15 ]] || fail "meta --db"
run 1 "$HEARSAY" meta --db "$WORK/m.db" "$META"/en01-shelling.txt

echo "ok"
