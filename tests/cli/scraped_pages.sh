# Page facts of scraped web pages (visible text with the site's menus,
# teasers and share rows left in): the headline is the line the article
# hangs from, not the first menu line; the date comes from the byline and
# date lines around it, never from a date in the running text or from a
# teaser of another article below it; a copyright line naming a company
# gives way to the site's name printed in the page's own menus and footer
# ("Subscribe to X", "X Newsletters", "Advertise with X"), and a holder is
# cleaned of its legal form.  Fixtures: tests/data/meta/scraped.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

DATA=$ROOT/tests/data/meta/scraped
run 0 "$HEARSAY" meta --format jsonl "$DATA"
rec() { jq -c --arg d "$1" 'select(.doc | endswith($d))' "$WORK/out"; }

note "harbor: headline under 17 lines of menus and teasers, dated by its date line"
rec harbor.txt | jq -e '.title.value == "Harbor council approves new ferry schedule"
  and .date.value == "2020-03-03" and .date_source == "header"
  and .outlet.value == "Harbor Gazette"' >/dev/null || fail "harbor: $(rec harbor.txt)"

note "valley: a Section|Headline row, a dek, a photo credit and a byline; the site's name"
rec valley.txt | jq -e '.title.value == "Orchard growers test drones against late frost"
  and .date.value == "2019-11-19"
  and .outlet.value == "Valley Post" and .outlet_source == "site"' >/dev/null ||
  fail "valley: $(rec valley.txt)"

note "gazette: a headline with 'share on' inside a word, a numeric date, a related list"
rec gazette.txt | jq -e '.title.value == "Hill towns vote to share one fire brigade"
  and .date.value == "2020-12-04" and .date_ambiguous == true
  and .date_alternative == "2020-04-12"
  and .outlet.value == "Hill Country Gazette"' >/dev/null ||
  fail "gazette: $(rec gazette.txt)"

note "a page whose only dates are in running text has no date"
sed '/^Published/d' "$DATA/harbor.txt" >"$WORK/nodate.txt"
run 0 "$HEARSAY" meta --format jsonl "$WORK/nodate.txt"
jq -e '.date.value == null and .title.value == "Harbor council approves new ferry schedule"' \
  "$WORK/out" >/dev/null || fail "nodate: $(cat "$WORK/out")"

note "html: an og:site_name followed by a list of topics is the name before it"
cat >"$WORK/race.html" <<'HTML'
<html><head><title>Standings</title>
<meta property="og:site_name" content="Autoracing | F1 | Indy | MotoGP">
</head><body><article><h1>Standings after the final round</h1>
<p>The final standings of the season after thirty-six rounds, with the champion clear by forty points and the next three drivers separated by fewer than ten.</p>
</article></body></html>
HTML
run 0 "$HEARSAY" meta --format jsonl "$WORK/race.html"
jq -e '.outlet.value == "Autoracing"' "$WORK/out" >/dev/null || fail "race.html: $(cat "$WORK/out")"
