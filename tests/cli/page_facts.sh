# What a scraped page says about itself, as every command shows it: a page
# of one folder per outlet with its headline under a date/ID line and two
# attribution chains whose ends are apart ("SANA, citing X, reported",
# "Furat Post reported ..., citing Y") gives the same headline, outlet and
# chains in meta, sources, graph, timeline and trace; a JSONL record's
# path-like id names no outlet; docs/sources.md lists every name of the
# alias and place tables.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "docs/sources.md lists every name of data/aliases.tsv"
python3 - "$ROOT/data/aliases.tsv" "$ROOT/docs/sources.md" <<'PY' || fail "names missing from docs/sources.md"
import sys
doc = open(sys.argv[2], encoding="utf-8").read()
missing = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    f = line.split("\t")
    for name in [f[0]] + f[2:]:
        if "`" + name + "`" not in doc:
            missing.append(name)
if missing:
    print("missing:", missing)
    sys.exit(1)
PY

note "docs/sources.md name tables are those of data/aliases.tsv and data/places.tsv"
python3 "$ROOT/scripts/source_tables.py" --check ||
  fail "docs/sources.md tables out of date: run scripts/source_tables.py"

mkdir -p "$WORK/root/alweeam"
cat >"$WORK/root/alweeam/p1.txt" <<'TXT'
Date :Tuesday, March 5th, 2019 | Time : 09:41 |ID: 81234 | Print
Army reopens highway near Hama
Damascus, SANA - SANA, citing information received from local residents, reported that the highway was reopened.
Furat Post reported that engineers cleared mines along the road, citing local activists.
TXT
cat >"$WORK/root/alweeam/p2.txt" <<'TXT'
Published: 7 March 2019
Traffic returns to Hama highway
Traffic returned to the highway on Thursday after engineers cleared mines along the road, officials said.
TXT

note "meta: headline, folder outlet through the alias table, chains"
run 0 "$HEARSAY" meta "$WORK/root"
rec() { jq -c --arg d "$1" 'select(.doc | endswith($d))' "$WORK/out"; }
rec p1.txt | jq -e '.title.value == "Army reopens highway near Hama"
  and .date.value == "2019-03-05"
  and any(.attributions[]; .chain == ["SANA", "local residents"])
  and any(.attributions[]; .chain == ["Furat Post", "local activists"])' \
  >/dev/null || fail "p1: $(rec p1.txt)"
rec p2.txt | jq -e '.outlet.value == "Al-Weeam" and .outlet_source == "folder"' \
  >/dev/null || fail "p2: $(rec p2.txt)"

note "sources, graph, timeline"
run 0 "$HEARSAY" sources "$WORK/root"
for s in SANA "local residents" "Furat Post" "local activists"; do
  jq -e -s --arg s "$s" 'any(.[]; .source == $s)' "$WORK/out" >/dev/null ||
    fail "sources lacks $s: $(cat "$WORK/out")"
done
run 0 "$HEARSAY" graph "$WORK/root"
jq -e -s 'any(.[]; .kind == "cites" and .from_name == "SANA"
                   and .to_name == "local residents")
          and any(.[]; .kind == "cites" and .from_name == "Furat Post"
                   and .to_name == "local activists")' "$WORK/out" >/dev/null ||
  fail "graph chains: $(cat "$WORK/out")"
run 0 "$HEARSAY" timeline "$WORK/root"
jq -e -s 'any(.[]; .doc == "alweeam/p2.txt" and .outlet == "Al-Weeam"
                   and .date == "2019-03-07")' "$WORK/out" >/dev/null ||
  fail "timeline: $(cat "$WORK/out")"

note "trace: the report's documents carry the headline and outlet"
run 0 "$HEARSAY" trace "$WORK/root" -o "$WORK/rep"
grep -q '"Army reopens highway near Hama"' "$WORK/rep/data/meta.js" ||
  fail "trace title: $(head -c 1500 "$WORK/rep/data/meta.js")"
grep -q '\["Al-Weeam",1\]' "$WORK/rep/data/meta.js" ||
  fail "trace outlet: $(head -c 1500 "$WORK/rep/data/meta.js")"

note "an HTML page's site: the title's tail through the alias table, in meta, timeline and trace"
mkdir -p "$WORK/html"
cat >"$WORK/html/floods.html" <<'HTML'
<html><head><title>Floods close schools in Kerala - BBC News</title>
<meta property="article:published_time" content="2018-08-16T08:12:00Z"></head>
<body><h1>Floods close schools in Kerala</h1>
<p>Schools across the Indian state of Kerala were closed on Thursday as heavy monsoon rains continued, officials said.</p>
<p>More than fifty thousand people had been moved to relief camps across the state, the chief minister said.</p>
</body></html>
HTML
run 0 "$HEARSAY" meta "$WORK/html"
jq -e '.outlet.value == "BBC" and .outlet_source == "html"
  and .title.value == "Floods close schools in Kerala"' "$WORK/out" >/dev/null ||
  fail "html meta: $(cat "$WORK/out")"
run 0 "$HEARSAY" timeline "$WORK/html"
jq -e -s 'any(.[]; .outlet == "BBC" and .date == "2018-08-16")' "$WORK/out" \
  >/dev/null || fail "html timeline: $(cat "$WORK/out")"
run 0 "$HEARSAY" trace "$WORK/html" -o "$WORK/rep2"
grep -q '\["BBC",1\]' "$WORK/rep2/data/meta.js" ||
  fail "html trace outlet: $(head -c 1500 "$WORK/rep2/data/meta.js")"

note "a JSONL record's path-like id names no outlet"
printf '%s\n' '{"id":"bbc/business/041","text":"Profits rose at the firm, the company said on Monday in a statement."}' \
  >"$WORK/r.jsonl"
run 0 "$HEARSAY" meta "$WORK/r.jsonl"
jq -e '.outlet.value == null' "$WORK/out" >/dev/null ||
  fail "JSONL id outlet: $(cat "$WORK/out")"
