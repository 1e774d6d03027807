# Page furniture joins no story: two scraped pages of one site share their
# masthead, menu row, byline and footer links (passages the reuse stage
# finds), but not a story; another site's reprint of one of them does join
# it.  The pages are tests/data/story/furniture/.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
D=$ROOT/tests/data/story/furniture

note "the reuse stage finds the shared furniture (the story model leaves it out)"
run 0 "$HEARSAY" reuse --format jsonl "$D"
jq -s -e 'any(.[]; [.a.doc, .b.doc] | sort == ["courier-ferry-strike.txt", "courier-library-reopens.txt"])' \
  "$WORK/out" >/dev/null || fail "no furniture passage to leave out: $(cat "$WORK/out")"

note "stories: the reprint joins the ferry story, the library page joins nothing"
run 0 "$HEARSAY" stories "$D"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["bayside-ferry-reprint.txt", "courier-ferry-strike.txt"]
  and .[0].first.doc == "courier-ferry-strike.txt" and .[0].first.date == "2024-06-03"' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c '[.docs, .first.doc]' "$WORK/out")"

note "graph --level doc: no edge between the two pages of the site"
run 0 "$HEARSAY" graph --level doc "$D"
jq -s -e 'all(.[] | select(.type == "edge"); ([.from, .to] | index("courier-library-reopens.txt")) == null)' \
  "$WORK/out" >/dev/null || fail "graph: $(jq -c 'select(.type == "edge") | [.kind, .from, .to]' "$WORK/out")"
