# The story model's edge rules (src/story/): a retelling by another outlet
# with other numbers is a paraphrase edge that says what changed; one
# outlet's sign-off, its job-advert template and a column's list of other
# articles join nothing.  The corpus
# is tests/data/story/edges.jsonl (written by make_edges.py there).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/edges.jsonl

note "a retelling with a changed number is a paraphrase, with the change"
run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
jq -s -e '[.[] | select(.type == "edge")] | any(.from == "s1" and .to == "s2"
  and .kind == "paraphrase" and (.changes | any(.kind == "number"
  and (.from | index("3,000")) != null and (.to | index("5,000")) != null)))' "$WORK/out" >/dev/null ||
  fail "no s1 -> s2 paraphrase with 3,000 -> 5,000: $(head -c 800 "$WORK/out")"

note "one outlet's sign-off and templates chain no stories"
run 0 "$HEARSAY" stories "$C"
jq -s -e 'all(.[]; (.docs | map(select(test("^[tjhc][0-9]$"))) | length) == 0)' "$WORK/out" \
  >/dev/null || fail "a template joined a story: $(jq -c .docs "$WORK/out")"
jq -s -e 'any(.[]; .docs | index("s1") != null and index("s2") != null)' "$WORK/out" >/dev/null ||
  fail "the flood story: $(jq -c .docs "$WORK/out")"

note "citations: an outlet named in the text; a dateline credit is none"
run 0 "$HEARSAY" graph --level doc "$C"
jq -s -e '[.[] | select(.type == "edge" and .kind == "citation")] | any(.from == "s1" and .to == "s2"
  and .cited == "Indus Wire") and all(.to != "s3")' "$WORK/out" >/dev/null ||
  fail "citations: $(jq -c 'select(.type == "edge")' "$WORK/out")"
