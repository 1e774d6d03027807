# Another ship in the same words is no paraphrase (src/story/shape.c,
# hs_shape_name_swap; docs/story.md): a report of a tanker seized in the
# Gulf says the Sea Falcon is managed by Kestrel Shipping; a report of
# pirates boarding the Sea Eagle, managed by the same company, says so in
# its lead.  The two names differ in one word, and neither report names
# the other ship: two events, no edge.  The same reports naming one ship
# are linked, so the name, not the sentences, decides.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/nameswap.jsonl

note "Sea Falcon / Sea Eagle: no edge"
run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
jq -s -e '[.[] | select(.type == "edge")] | length == 0' "$WORK/out" >/dev/null ||
  fail "two ships linked: $(head -c 600 "$WORK/out")"

note "one ship named in both: linked"
sed 's/Sea Eagle/Sea Falcon/' "$C" >"$WORK/same.jsonl"
run 0 "$HEARSAY" graph --level doc --edges paraphrase "$WORK/same.jsonl"
jq -s -e '[.[] | select(.type == "edge" and .kind == "paraphrase")] | length == 1' "$WORK/out" >/dev/null ||
  fail "one ship not linked: $(head -c 600 "$WORK/out")"
