# A reuse join needs the news (src/story/news.c, docs/story.md): two agency
# reports of different events written in one template (w2, a levee in March;
# w1, a dam in May) share their lead's fixed words, a background paragraph
# and the sign-off, which cover much of the later one, but neither carries
# the other's first sentences, so they are not one story and w2, dated
# earlier, is not the first publisher of w1's.  A verbatim reprint (w3), a
# reprint behind its own first paragraph (w4) and a comment piece quoting
# the report's second paragraph (w5) carry the news and join it.  A paper
# (w6) that quotes the report's second paragraph and tells the flood in its
# own words, as w2's lead tells its own, is a paraphrase of w2 by itself;
# but w2 is w1's template sibling (another event), and w6 is in w1's story,
# so that paraphrase joins nothing (src/story/news.c, hs_story_siblings).
# The corpus is tests/data/story/news.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/news.jsonl

run 0 "$HEARSAY" stories "$C"
note "the report, its reprints and the comment are one story, first w1"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["w1","w3","w4","w5","w6"] and
          .[0].first.doc == "w1"' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c '[.docs, .first.doc]' "$WORK/out")"

note "the template's other event is in no story, and no edge reaches it"
run 0 "$HEARSAY" graph --level doc "$C"
jq -s -e 'all(.[]; (.id // "") != "w2" and .from != "w2" and .to != "w2")' "$WORK/out" >/dev/null ||
  fail "w2 in the graph: $(jq -c 'select(.id == "w2" or .from == "w2" or .to == "w2")' "$WORK/out")"
