# A reprinted report is one text, not a template (src/story/paraphrase.c,
# docs/story.md): the agency's report r1 is reprinted word for word by two
# papers (r2, r3), so its lead is in three documents; only its earliest copy
# counts for recurrence and rarity, and the retelling in other words (t1)
# is a paraphrase of it.  An earlier flood at the same dam (t2: two dead,
# nine houses) shares the place and the what, but every figure differs from
# the report's (eleven dead, 34 houses): two events, no paraphrase, and t2
# is not the story's first publisher.
# The corpus is tests/data/story/reprint.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/reprint.jsonl

run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
edges=$(jq -s -c '[.[] | select(.type == "edge") | [.from, .to] | sort | join("-")] | sort' "$WORK/out")
note "the retelling of a reprinted report is a paraphrase"
jq -e 'index("r1-t1") != null' <<<"$edges" >/dev/null || fail "r1-t1 not linked: $edges"
note "another event whose figures all differ is not"
jq -e 'all(.[]; test("t2") | not)' <<<"$edges" >/dev/null || fail "t2 linked: $edges"

run 0 "$HEARSAY" stories "$C"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["r1","r2","r3","t1"] and
          .[0].first.doc == "r1"' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c '[.docs, .first.doc]' "$WORK/out")"
