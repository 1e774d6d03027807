# bench/page_eval.py --ae, the scorer of page facts on real pages, without
# the pages (they are in ../shared, absent here): its text dumper keeps the
# visible text of a page a block per line and drops scripts, styles, the
# head and <noscript>; the scorer, run on two planted pages against a
# stand-in for hearsay that answers known values, counts what each form
# states (a date only in the metadata does not count in the text form),
# accepts a headline with a site suffix and an outlet's alternative name
# (or another spelling of it in data/aliases.tsv or data/parents.tsv),
# and counts a date on a page that states none as wrong; and it runs
# through the real `hearsay meta` on a page.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
EVAL=$ROOT/bench/page_eval.py

note "dump_text: visible text, a block per line"
python3 - "$ROOT/bench" <<'PY' || fail "dump_text"
import sys
sys.path.insert(0, sys.argv[1])
from page_eval import dump_text
html = ("<html><head><title>T - Site</title><style>p{}</style></head><body>"
        "<nav><a>Home</a> <a>World</a></nav><script>var x = 1;</script>"
        "<h1>Big <b>news</b> today</h1><p>By Jane Doe<br>March 3, 2020</p>"
        "<noscript>enable scripts</noscript><svg><text>icon</text></svg>"
        "<p>Body &amp; more.</p><footer>&copy; 2020 Foo Times</footer>"
        "</body></html>")
want = ("Home World\nBig news today\nBy Jane Doe\nMarch 3, 2020\n"
        "Body & more.\n\u00a9 2020 Foo Times\n")
got = dump_text(html)
if got != want:
    print(repr(got))
    sys.exit(1)
PY

note "outlets: one outlet's spellings in the shipped tables match"
python3 - "$ROOT/bench" <<'PY' || fail "outlet_ok"
import sys
sys.path.insert(0, sys.argv[1])
from page_eval import outlet_names, outlet_ok
names = outlet_names()
cases = [("Sputnik News", "Sputnik International", True),   # aliases.tsv row
         ("NY Post", "New York Post", True),               # parents.tsv column
         ("the Foo Times", "Foo Times", True),              # folding alone
         ("Reuters", "AP", False),
         ("Fox Business", "Fox News", False),
         ("Vox Media", "The Verge", False)]                 # company, not its title
bad = [c for c in cases
       if outlet_ok(c[0], {"outlet": c[1]}, names) != c[2]]
if bad:
    print(bad)
    sys.exit(1)
PY

SH=$WORK/shared/eval/article-extraction/html
mkdir -p "$SH"
cat >"$WORK/a.html" <<'HTML'
<html><head><title>Big news today - Foo Times</title>
<meta property="og:site_name" content="Foo Times">
<meta property="article:published_time" content="2020-03-03T10:00:00Z">
</head><body><header>Foo Times</header><h1>Big news today</h1>
<p>By Jane Doe, March 3, 2020</p>
<p>The council voted on Tuesday to close the old bridge to traffic for the
whole of the summer, officials said after the meeting.</p>
<footer>&copy; 2020 Foo Times</footer></body></html>
HTML
cat >"$WORK/b.html" <<'HTML'
<html><head><title>Second story</title>
<meta property="article:published_time" content="2020-03-04T10:00:00Z">
</head><body><h1>Second story</h1><p>Some text of the second story.</p>
</body></html>
HTML
gzip -c "$WORK/a.html" >"$SH/a.html.gz"
gzip -c "$WORK/b.html" >"$SH/b.html.gz"
cat >"$WORK/facts.json" <<'JSON'
{"_about": "two planted pages",
 "a": {"headline": "Big news today", "headline_alt": [], "headline_visible": true,
       "outlet": "The Foo Times", "outlet_alt": ["Foo"], "outlet_where": ["visible", "meta"],
       "date": "2020-03-03", "date_alt": [], "date_where": ["meta", "visible"]},
 "b": {"headline": "Second story", "headline_alt": [], "headline_visible": true,
       "outlet": null, "outlet_alt": [], "outlet_where": [],
       "date": "2020-03-04", "date_alt": [], "date_where": ["meta"]}}
JSON
# The stand-in: "a" gets its headline with a site suffix, its outlet as
# written and its date; "b" a wrong headline, an outlet its page does not
# name and a wrong date.  It also checks what each form hands it.
cat >"$WORK/fake" <<'SH'
#!/bin/sh
[ "$1 $2 $3 $4" = "meta --format jsonl --quiet" ] || exit 9
for f in "$5"/*; do
  case $f in
    *.txt) grep -q 'var x\|og:site_name\|<h1>' "$f" && exit 8 ;;
    *.html) grep -q '<h1>' "$f" || exit 7 ;;
  esac
  case $(basename "$f") in
    a.*) echo '{"doc":"'"$(basename "$f")"'","title":{"value":"Big news today | Foo Times"},"outlet":{"value":"Foo Times"},"date":{"value":"2020-03-03"}}' ;;
    b.*) echo '{"doc":"'"$(basename "$f")"'","title":{"value":"Other"},"outlet":{"value":"Bar"},"date":{"value":"2020-01-01"}}' ;;
  esac
done
SH
chmod +x "$WORK/fake"

note "scores against known answers, both forms"
run 0 python3 "$EVAL" "$WORK/fake" --ae "$WORK/shared" --facts "$WORK/facts.json" --show
grep -q '^ae-html  pages 2  headline 0.50/0.50 (n=2)  outlet 0.50/1.00 (n=1)  date 0.50/0.50 (n=2)  wrong date 1/2 (50%)$' "$WORK/out" ||
  fail "html form: $(cat "$WORK/out")"
grep -q '^ae-text  pages 2  headline 0.50/0.50 (n=2)  outlet 0.50/1.00 (n=1)  date 0.50/1.00 (n=1)  wrong date 1/2 (50%)$' "$WORK/out" ||
  fail "text form: $(cat "$WORK/out")"
grep -q "b: date '2020-01-01' (gold '2020-03-04', not stated)" "$WORK/out" ||
  fail "--show: $(cat "$WORK/out")"

note "the real hearsay meta, html form"
run 0 python3 "$EVAL" "$HEARSAY" --ae "$WORK/shared" --facts "$WORK/facts.json" --form html
grep -q '^ae-html  pages 2  headline' "$WORK/out" || fail "$(cat "$WORK/out")"
