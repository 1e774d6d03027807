# Page facts of scraped web pages (visible text with the site's menus,
# teasers and share rows left in): the headline is the line the article
# hangs from, not the first menu line; the date comes from the byline and
# date lines around it, never from a date in the running text or from a
# teaser of another article below it.  Fixtures: tests/data/meta/scraped.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

DATA=$ROOT/tests/data/meta/scraped
run 0 "$HEARSAY" meta --format jsonl "$DATA"
rec() { jq -c --arg d "$1" 'select(.doc | endswith($d))' "$WORK/out"; }

note "harbor: headline under 17 lines of menus and teasers, dated by its date line"
rec harbor.txt | jq -e '.title.value == "Harbor council approves new ferry schedule"
  and .date.value == "2020-03-03" and .date_source == "header"
  and .outlet.value == "Harbor Gazette"' >/dev/null || fail "harbor: $(rec harbor.txt)"

note "orchard: a Section|Headline row, a dek, a photo credit and a byline"
rec orchard.txt | jq -e '.title.value == "Orchard growers test drones against late frost"
  and .date.value == "2019-11-19"' >/dev/null || fail "orchard: $(rec orchard.txt)"

note "a page whose only dates are in running text has no date"
sed '/^Published/d' "$DATA/harbor.txt" >"$WORK/nodate.txt"
run 0 "$HEARSAY" meta --format jsonl "$WORK/nodate.txt"
jq -e '.date.value == null and .title.value == "Harbor council approves new ferry schedule"' \
  "$WORK/out" >/dev/null || fail "nodate: $(cat "$WORK/out")"
