# Output the tools of researchers read: `reuse --flat --with-text
# --offsets chars` loads in pandas with flat columns whose offsets slice
# Python strings right; `families` (and --format passim) lists each
# family's members; the GEXF graph loads in networkx with node outlets and
# dates and edge kinds; `extract` writes `series`, so that extract | index
# keeps the outlets.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
[[ -x $PY ]] || skip "/usr/bin/python3 is not installed"
$PY -c 'import pandas, networkx' 2>/dev/null ||
  skip "python3-pandas or python3-networkx is not installed (scripts/install-deps.sh)"

note "a JSON Lines corpus with non-ASCII text (from the example corpus)"
$PY - "$CORPUS" "$WORK/docs.jsonl" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for d in sorted(os.listdir(root)):
        p = os.path.join(root, d)
        if not os.path.isdir(p):
            continue
        for name in sorted(os.listdir(p)):
            text = open(os.path.join(p, name), encoding="utf-8").read()
            f.write(json.dumps({"id": d + "/" + name, "series": d,
                                "date": name[:10], "text": text},
                               ensure_ascii=False) + "\n")
PY

note "reuse --flat --with-text --offsets chars in pandas"
run 0 "$HEARSAY" reuse --flat --with-text --offsets=chars "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/flat.jsonl"
run 0 "$HEARSAY" reuse --flat --with-text "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/flat-bytes.jsonl"
$PY - "$WORK/docs.jsonl" "$WORK/flat.jsonl" "$WORK/flat-bytes.jsonl" <<'PY' || fail "pandas check"
import json, sys
import pandas as pd
docs = {d["id"]: d for d in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
df = pd.read_json(sys.argv[2], lines=True)
want = ["a_doc", "a_start", "a_end", "a_words", "a_series", "a_date", "a_text",
        "b_doc", "b_start", "b_end", "b_words", "b_series", "b_date", "b_text",
        "words", "similarity", "kind", "family"]
assert list(df.columns) == want, list(df.columns)
assert all(df[c].map(lambda v: not isinstance(v, (dict, list))).all() for c in df.columns), "a dict column"
assert len(df) > 0
for side in "ab":
    for _, r in df.iterrows():
        d = docs[r[side + "_doc"]]
        s, e = int(r[side + "_start"]), int(r[side + "_end"])
        assert d["text"][s:e] == r[side + "_text"], (side, r[side + "_doc"], s, e)
        assert d["series"] == r[side + "_series"]
        assert str(d["date"]) == str(r[side + "_date"])[:10]
# byte offsets slice the UTF-8 bytes, and not the str, of non-ASCII texts
db = pd.read_json(sys.argv[3], lines=True)
wrong = 0
for _, r in db.iterrows():
    t = docs[r.a_doc]["text"]
    assert t.encode()[r.a_start:r.a_end].decode() == r.a_text
    wrong += t[r.a_start:r.a_end] != r.a_text
assert wrong > 0, "no non-ASCII passage: the test shows nothing"
print("pandas: %d passages, char offsets all slice right; byte offsets "
      "slice %d wrong as str" % (len(df), wrong))
PY

note "reuse --offsets chars with TSV, and from a store"
run 0 "$HEARSAY" index -q --db "$WORK/x.db" "$WORK/docs.jsonl"
run 0 "$HEARSAY" reuse --db "$WORK/x.db" --flat --with-text --offsets=chars
$PY - "$WORK/flat.jsonl" "$WORK/out" <<'PY' || fail "store and files disagree"
import json, sys
key = lambda r: (r["a_doc"], r["a_start"], r["b_doc"], r["b_start"], r["a_text"])
a = sorted(map(key, map(json.loads, open(sys.argv[1]))))
b = sorted(map(key, map(json.loads, open(sys.argv[2]))))
assert a == b, (len(a), len(b))
PY
run 0 "$HEARSAY" reuse --format=tsv --with-text --offsets=chars "$WORK/docs.jsonl"
head -n1 "$WORK/out" | grep -q $'^family\tkind\ta_doc\ta_start\ta_end\tb_doc\tb_start\tb_end\twords\tsimilarity\ta_series\ta_date\ta_text' ||
  fail "TSV --with-text header: $(head -n1 "$WORK/out")"
[[ $(($(lines "$WORK/out") - 1)) == $(lines "$WORK/flat.jsonl") ]] || fail "TSV and JSONL differ in passages"
run 1 "$HEARSAY" reuse --flat --format=tsv "$WORK/docs.jsonl"
grep_err "flat"
run 1 "$HEARSAY" reuse --offsets=lines "$WORK/docs.jsonl"
grep_err "offsets wants bytes\|chars"

note "families: each family with its members; --format passim"
run 0 "$HEARSAY" families --format=jsonl "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/fam.jsonl"
run 0 "$HEARSAY" families --format=passim "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/passim.jsonl"
run 0 "$HEARSAY" families --format=tsv "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/fam.tsv"
$PY - "$WORK/docs.jsonl" "$WORK/fam.jsonl" "$WORK/passim.jsonl" "$WORK/flat.jsonl" "$WORK/fam.tsv" <<'PY' || fail "families check"
import json, sys
import pandas as pd
docs = {d["id"]: d for d in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
fams = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
passim = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
flat = [json.loads(l) for l in open(sys.argv[4], encoding="utf-8")]
assert fams and passim
assert len(fams) == len({r["family"] for r in flat}), "one record a family"
for f in fams:
    assert f["size"] == len(f["members"]) >= 2
for r in passim:
    assert list(r) == ["cluster", "size", "id", "series", "date", "begin", "end", "text"], list(r)
    d = docs[r["id"]]
    assert d["text"][r["begin"]:r["end"]] == r["text"], r["id"]   # characters
    assert r["series"] == d["series"] and r["date"] == d["date"]
assert len(passim) == sum(f["size"] for f in fams)
# every copy of every passage lies inside a member of its family
members = {(r["cluster"], r["id"], r["begin"], r["end"]) for r in passim}
for p in flat:
    for s in "ab":
        assert any(c == p["family"] and i == p[s + "_doc"] and b <= p[s + "_start"]
                   and p[s + "_end"] <= e for c, i, b, e in members), (p["family"], p[s + "_doc"])
tsv = pd.read_csv(sys.argv[5], sep="\t", quoting=3)
assert list(tsv.columns) == ["family", "size", "doc", "series", "date", "start", "end", "text"]
assert len(tsv) == len(passim)
PY
run 0 "$HEARSAY" families --db "$WORK/x.db" --format=passim
cmp -s "$WORK/out" "$WORK/passim.jsonl" || fail "families from a store differ from the files"
run 0 "$HEARSAY" families --format=text "$WORK/docs.jsonl"
grep -q '^family 0: ' "$WORK/out" || fail "families text: $(head -3 "$WORK/out")"
run 1 "$HEARSAY" families --with-text "$WORK/docs.jsonl"
grep_err "does not take --with-text"

note "GEXF loads in networkx with outlets, dates and edge kinds"
run 0 "$HEARSAY" graph --format=gexf "$WORK/docs.jsonl"
cp "$WORK/out" "$WORK/g.gexf"
$PY - "$WORK/g.gexf" <<'PY' || fail "networkx check"
import sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
assert g.number_of_nodes() > 0 and g.number_of_edges() > 0
docs = [d for _, d in g.nodes(data=True) if d.get("kind") == "document"]
assert docs and all(d.get("outlet") for d in docs), docs[:2]
assert all(d.get("date") for d in docs), "a document without its date"
kinds = {d.get("kind") for _, _, d in g.edges(data=True)}
assert kinds and None not in kinds, kinds
print("networkx: %d nodes, %d edges, edge kinds %s" % (g.number_of_nodes(), g.number_of_edges(), sorted(kinds)))
PY

note "extract writes series (and outlet); extract | index keeps the outlets"
mkdir -p "$WORK/pages"
for i in 1 2; do
  cat >"$WORK/pages/p$i.html" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Barriers hold | Paper $i</title>
<meta property="og:site_name" content="Paper $i">
<meta property="article:published_time" content="2024-03-0${i}T07:00:00Z">
</head><body><article><h1>Barriers hold as river peaks</h1>
<p>The council opened the flood barriers at dawn after the river rose by two metres overnight, and residents of the lower town were asked to move their cars before the water reached Mill Street.</p>
<p>Story number $i goes on with its own words here.</p>
</article></body></html>
HTML
done
run 0 "$HEARSAY" extract "$WORK/pages"
jq -e -s 'map(.series) == ["Paper 1", "Paper 2"] and map(.outlet) == ["Paper 1", "Paper 2"]' "$WORK/out" >/dev/null ||
  fail "extract records: $(cat "$WORK/out")"
"$HEARSAY" extract "$WORK/pages" | "$HEARSAY" index -q --db "$WORK/p.db" - || fail "extract | index failed"
[[ $(sql "$WORK/p.db" "SELECT group_concat(series, ',') FROM (SELECT series FROM documents ORDER BY series)") == "Paper 1,Paper 2" ]] ||
  fail "the store lost the outlets: $(sql "$WORK/p.db" "SELECT id, series FROM documents")"
echo "ok"
