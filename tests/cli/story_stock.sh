# Stock text is no paraphrase (src/story/stock.c, data/stock.tsv): two
# unrelated Arabic articles quoting one Quran verse (after «قال تعالى», in
# braces), two obituaries of different people with the same condolence
# formulas, and two columns quoting the same vocalized line of poetry are
# not linked; a retelling of a customs seizure by another paper is.  The
# corpus is tests/data/story/stock.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/stock.jsonl

run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
edges=$(jq -s -c '[.[] | select(.type == "edge") | [.from, .to] | sort | join("-")] | sort' "$WORK/out")

note "a retelling in other words is a paraphrase"
jq -e 'index("r1-r2") != null' <<<"$edges" >/dev/null || fail "r1-r2 not linked: $edges"

note "a quoted verse, condolence formulas and a line of poetry are not"
for pair in q1-q2 o1-o2 v1-v2; do
  jq -e --arg p "$pair" 'index($p) == null' <<<"$edges" >/dev/null || fail "$pair linked: $edges"
done

note "no story holds two of the unrelated articles"
run 0 "$HEARSAY" stories "$C"
jq -s -e 'all(.[]; (.docs | map(select(test("^[qov]"))) | length) < 2)' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c .docs "$WORK/out")"
