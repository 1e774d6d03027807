# The inputs people have: CSV and TSV with a header row (quoted fields,
# doubled quotes, line breaks inside quotes), JSON arrays of objects, JSON
# Lines saved as .json and arrays saved as .ndjson (told apart by content),
# field mapping (--text-field and the like, passim's names by default, the
# common alternatives with a notice), and inputs that give no document
# (exit 2, naming why and the option that fixes it).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

# A Media-Cloud-style export of the wire stories plus one paper's reprint
# of the bridge story: stories_id, publish_date, title, url, media_name,
# and the text in "content"; a title with a comma and quotes, and a text
# with line breaks and doubled quotes inside a quoted field.
python3 - "$CORPUS" "$WORK" <<'PY'
import csv, json, os, sys
corpus, work = sys.argv[1], sys.argv[2]
rows = []
for line in open(os.path.join(corpus, "wire.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    rows.append({"stories_id": d["id"], "publish_date": d["date"],
                 "title": d["title"], "url": d["url"],
                 "media_name": d["series"], "language": "en",
                 "content": d["text"]})
text = open(os.path.join(corpus, "riverside-gazette/2024-03-02-bridge.txt"),
            encoding="utf-8").read()
rows.append({"stories_id": "rg-bridge", "publish_date": "2024-03-02",
             "title": 'Bridge to close, "for repairs"', "url": "",
             "media_name": "Riverside Gazette", "language": "en",
             "content": 'Editor\'s note: "quoted", with commas.\r\n\r\n' + text})
cols = list(rows[0])
with open(os.path.join(work, "mc.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=cols)   # RFC 4180: CRLF, quotes doubled
    w.writeheader(); w.writerows(rows)
with open(os.path.join(work, "mc.tsv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", lineterminator="\n")
    w.writeheader(); w.writerows(rows)
passim = [{"id": r["stories_id"], "date": r["publish_date"], "title": r["title"],
           "series": r["media_name"], "text": r["content"]} for r in rows]
json.dump(passim, open(os.path.join(work, "array.json"), "w", encoding="utf-8"),
          indent=2, ensure_ascii=False)
json.dump(passim, open(os.path.join(work, "array.ndjson"), "w", encoding="utf-8"))
with open(os.path.join(work, "lines.json"), "w", encoding="utf-8") as f:
    for r in passim: f.write(json.dumps(r) + "\n")
with open(os.path.join(work, "content.jsonl"), "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r) + "\n")
with open(os.path.join(work, "body.jsonl"), "w", encoding="utf-8") as f:
    for r in passim:
        f.write(json.dumps({"doc": r["id"], "outlet_name": r["series"],
                            "body": r["text"], "text": "not this"}) + "\n")
# the expected document of the reprint, for the offsets
open(os.path.join(work, "rg.txt"), "w", encoding="utf-8", newline="").write(rows[-1]["content"])
PY

# check_reprint FILE: the reuse output (JSON Lines) has the wire story
# reprinted in rg-bridge, with the offsets of the text as exported.
check_reprint() {
  python3 - "$1" "$WORK/rg.txt" <<'PY' || fail "$1: the reprint was not found where expected"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
text = open(sys.argv[2], "rb").read()
hit = [r for r in recs if {r["a"]["doc"], r["b"]["doc"]} == {"lw-2024-0301-bridge", "rg-bridge"}]
assert len(hit) == 1, recs
side = hit[0]["a"] if hit[0]["a"]["doc"] == "rg-bridge" else hit[0]["b"]
copy = text[side["start"]:side["end"]].decode()
assert copy.startswith("GREYMOOR, March 1 (Lakeland Wire)"), copy[:80]
assert hit[0]["similarity"] == 1.0
PY
}

note "a Media Cloud CSV: its columns are recognised, with a notice for each"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/mc.csv"
check_reprint "$WORK/out"
for f in '"stories_id" as the id' '"content" as the text' '"media_name" as the outlet' '"publish_date" as the date'; do
  grep_err "mc.csv: reading field $f"
done
run 0 "$HEARSAY" meta --format jsonl "$WORK/mc.csv"
python3 - "$WORK/out" <<'PY' || fail "meta of the CSV lost the outlet, date or title"
import json, sys
recs = {r["doc"]: r for r in map(json.loads, open(sys.argv[1]))}
r = recs["rg-bridge"]
blob = json.dumps(r)
assert r["outlet"]["value"] == "Riverside Gazette" and r["date"]["value"] == "2024-03-02", blob[:500]
assert r["title"]["value"] == "Bridge to close, \"for repairs\"", blob[:500]
assert len(recs) == 6, list(recs)
PY

note "the same table as TSV, and with the fields named: no notices"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/mc.tsv"
check_reprint "$WORK/out"
run 0 "$HEARSAY" reuse --format jsonl --id-field=stories_id --text-field content \
  --outlet-field media_name --date-field publish_date "$WORK/mc.csv"
check_reprint "$WORK/out"
if grep -q "reading field" "$WORK/err"; then fail "notices although the fields were named: $(cat "$WORK/err")"; fi

note "a JSON array (.json) and a JSON array saved as .ndjson"
for f in array.json array.ndjson; do
  run 0 "$HEARSAY" reuse --format jsonl "$WORK/$f"
  check_reprint "$WORK/out"
  [[ ! -s $WORK/err ]] || fail "$f: warnings: $(cat "$WORK/err")"
done
note "JSON Lines saved as .json, and on standard input as an array"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/lines.json"
check_reprint "$WORK/out"
run 0 "$HEARSAY" reuse --format jsonl - <"$WORK/array.json"
check_reprint "$WORK/out"

note "JSON Lines whose text is in \"content\": read, with one notice per field"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/content.jsonl"
check_reprint "$WORK/out"
[[ $(grep -c 'as the text' "$WORK/err") == 1 ]] || fail "not one notice per file: $(cat "$WORK/err")"

note "named fields win over the defaults: --text-field body ignores \"text\""
run 0 "$HEARSAY" reuse --format jsonl --text-field=body --id-field doc --series-field outlet_name "$WORK/body.jsonl"
check_reprint "$WORK/out"
run 0 "$HEARSAY" index --db "$WORK/body.db" --text-field=body --id-field doc --series-field outlet_name "$WORK/body.jsonl"
[[ $(sql "$WORK/body.db" "SELECT series FROM documents WHERE name='rg-bridge'") == "Riverside Gazette" ]] ||
  fail "index did not keep the outlet named by --series-field"

note "no document: exit 2, saying why and what to do"
mkdir -p "$WORK/empty"
run 2 "$HEARSAY" reuse "$WORK/empty"
grep_err 'empty: no documents: nothing to read there'
printf 'id,title,summary\n1,A,B\n' >"$WORK/notext.csv"
run 2 "$HEARSAY" reuse "$WORK/notext.csv"
grep_err 'notext.csv: no text column in the header \(it has: id, title, summary\); .*--text-field'
run 2 "$HEARSAY" reuse --text-field nope "$WORK/mc.csv"
grep_err 'no column "nope" \(--text-field\)'
printf '{"id":"a","txt":"one two"}\n{"id":"b","txt":"three"}\n' >"$WORK/txt.jsonl"
run 2 "$HEARSAY" reuse "$WORK/txt.jsonl"
grep_err 'txt.jsonl: no documents: all 2 records or files were skipped .*missing "text" field.*--text-field'
run 0 "$HEARSAY" reuse --text-field txt "$WORK/txt.jsonl"
printf '[{"id":"a","txt":"one"}]' >"$WORK/txt.json"
run 2 "$HEARSAY" reuse "$WORK/txt.json"
grep_err 'txt.json: no documents.*--text-field'
run 2 "$HEARSAY" reuse - </dev/null
grep_err 'standard input: no documents'
note "but documents skipped only as duplicates are not an error"
run 0 "$HEARSAY" reuse "$WORK/lines.json" "$WORK/lines.json"
grep_err 'duplicate id'

note "malformed tables and arrays: one clear message, exit 2"
printf '[{"id":"a","text":"x"},' >"$WORK/cut.json"
run 2 "$HEARSAY" reuse "$WORK/cut.json"
grep_err 'cut.json:1: malformed JSON array'
printf '{"a":1}' >"$WORK/obj.ndjson"
run 2 "$HEARSAY" reuse "$WORK/obj.ndjson"
printf 'id,text\n1,"never closed\n2,more\n' >"$WORK/open.csv"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/open.csv"
grep_err 'open.csv:2: a quote opened in this record is never closed'
printf 'id,text,extra\n1,one two three\n2,four five six,x,y\n' >"$WORK/ragged.csv"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/ragged.csv"
grep_err 'ragged.csv:2: 2 fields where the header has 3'
