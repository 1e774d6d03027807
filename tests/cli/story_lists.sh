# Lists of names and background are no paraphrase (src/story/shape.c,
# data/stock.tsv): two team sheets of one club in two different matches,
# the same definition of stem cells in two articles with different news,
# and the same background on who makes Firefox are not linked; a retelling
# of one statement (a captain naming two players as potential
# replacements: the same who and two words of the same what) is.  The corpus is
# tests/data/story/lists.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/lists.jsonl

run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
edges=$(jq -s -c '[.[] | select(.type == "edge") | [.from, .to] | sort | join("-")] | sort' "$WORK/out")

note "a retelling in other words is a paraphrase"
jq -e 'index("r1-r2") != null' <<<"$edges" >/dev/null || fail "r1-r2 not linked: $edges"

note "two team sheets, a definition and an organisation's history are not"
for pair in t1-t2 d1-d2 f1-f2; do
  jq -e --arg p "$pair" 'index($p) == null' <<<"$edges" >/dev/null || fail "$pair linked: $edges"
done

note "stories agree: no story joins the two matches or the two definitions"
run 0 "$HEARSAY" stories "$C"
jq -s -e 'all(.[]; (.docs | (index("t1") == null or index("t2") == null) and
                            (index("d1") == null or index("d2") == null)))' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c .docs "$WORK/out")"
