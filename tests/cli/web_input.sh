# HTML pages as input: `hearsay reuse` finds a passage shared between an
# HTML page and a text file, with offsets into the page's extracted text
# (as `hearsay extract` prints it); `extract` prints one record per page
# or WARC record, and a damaged WARC gives a warning with the byte offset.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

PASSAGE="The council opened the flood barriers at dawn after the river rose by two metres overnight, and residents of the lower town were asked to move their cars before the water reached Mill Street."
mkdir -p "$WORK/in"
cat >"$WORK/in/page.html" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Barriers hold as river peaks | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta property="article:published_time" content="2024-03-05T07:00:00Z">
<meta name="author" content="Ann Example">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<article>
<h1>Barriers hold as river peaks</h1>
<p>Officials said on Tuesday that the defences had worked as planned, and that no homes were flooded.</p>
<p>${PASSAGE}</p>
<p>Engineers will inspect the barriers again on Thursday, the council said in a statement.</p>
</article>
<div class="comments"><p>Great news for the town, thanks to everyone who helped out last night!</p></div>
<footer><p>Copyright Riverside Gazette</p></footer>
</body></html>
HTML
printf 'A short note from the wire.\n\n%s\n\nMore to follow.\n' "$PASSAGE" >"$WORK/in/note.txt"

note "extract prints the article and its metadata"
run 0 "$HEARSAY" extract "$WORK/in/page.html"
[[ $(lines "$WORK/out") == 1 ]] || fail "extract: expected one record"
jq -e '.title == "Barriers hold as river peaks" and .date == "2024-03-05"
       and .outlet == "Riverside Gazette" and .authors == ["Ann Example"]
       and .language == "en"
       and (.text | startswith("Barriers hold as river peaks\n\nOfficials said"))
       and (.text | contains("Home") | not) and (.text | contains("Great news") | not)' \
  "$WORK/out" >/dev/null || fail "extract record: $(cat "$WORK/out")"
cp "$WORK/out" "$WORK/extract.jsonl"

note "reuse finds the passage between the page and the text file"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/in"
jq -e -s 'any(.[]; .kind == "cross" and ([.a.doc, .b.doc] | sort) == ["note.txt", "page.html"])' \
  "$WORK/out" >/dev/null || fail "no passage between page.html and note.txt: $(cat "$WORK/out")"
python3 - "$WORK/out" "$WORK/extract.jsonl" "$WORK/in/note.txt" "$PASSAGE" <<'PY' || fail "offsets do not point at the passage"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
page = json.loads(open(sys.argv[2]).readline())["text"].encode()
note = open(sys.argv[3], "rb").read()
passage = sys.argv[4].encode()
r = [r for r in recs if r["kind"] == "cross"][0]
spans = {r["a"]["doc"]: r["a"], r["b"]["doc"]: r["b"]}
p, n = spans["page.html"], spans["note.txt"]
got_p = page[p["start"]:p["end"]]
got_n = note[n["start"]:n["end"]]
assert got_p == got_n, (got_p, got_n)
assert got_p in passage and len(got_p) > len(passage) * 0.9, got_p
PY

note "source map: extract --source-map points into the page"
run 0 "$HEARSAY" extract --source-map "$WORK/in/page.html"
python3 - "$WORK/out" "$WORK/in/page.html" <<'PY' || fail "source map"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
page = open(sys.argv[2], "rb").read()
text = r["text"].encode()
m = r["source_map"]
assert len(m) == 3, m
for ts, te, ps, pe in m:
    assert text[ts:te] == page[ps:pe], (text[ts:te], page[ps:pe])
PY

note "a WARC with a truncated record: the good record is read, one warning names the byte"
python3 - "$WORK/in/page.html" "$WORK/crawl.warc" <<'PY'
import sys
page = open(sys.argv[1], "rb").read()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
def rec(rid, block):
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <%s>\r\n"
            b"WARC-Target-URI: https://riverside.example/barriers\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (rid, len(block))) + block + b"\r\n\r\n"
data = rec(b"urn:uuid:aaa", http) + rec(b"urn:uuid:bbb", http)
open(sys.argv[2], "wb").write(data[:-200])
PY
gzip -k "$WORK/crawl.warc"
run 0 "$HEARSAY" extract "$WORK/crawl.warc.gz"
[[ $(lines "$WORK/out") == 1 ]] || fail "expected one record from the WARC"
jq -e '.id == "'"$WORK"'/crawl.warc.gz#urn:uuid:aaa" and .url == "https://riverside.example/barriers"' \
  "$WORK/out" >/dev/null || fail "WARC record: $(head -c 300 "$WORK/out")"
grep_err "crawl.warc.gz: byte [0-9]+: WARC record truncated"
echo "web input: ok"
