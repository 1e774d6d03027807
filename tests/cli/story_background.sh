# One line of background told by two articles is no paraphrase edge
# (src/story/paraphrase.c, docs/story.md): a crane collapse at a port and,
# three weeks later, the same port's new berth both close on the port's
# yearly traffic in other words.  Dated three weeks apart, the pair of
# closing lines links nothing; the same two articles two days apart (one
# day's reports of one port closing on the same line) are still linked,
# so the date, not the sentences, decides.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/background.jsonl

note "closing lines three weeks apart: no edge, no story"
run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
jq -s -e '[.[] | select(.type == "edge")] | length == 0' "$WORK/out" >/dev/null ||
  fail "background linked: $(head -c 600 "$WORK/out")"
run 0 "$HEARSAY" stories "$C"
[ ! -s "$WORK/out" ] || fail "a story of background: $(head -c 300 "$WORK/out")"

note "the same lines two days apart: linked"
jq -c 'if .id == "b2" then .date = "2023-05-04" else . end' "$C" >"$WORK/near.jsonl"
run 0 "$HEARSAY" graph --level doc --edges paraphrase "$WORK/near.jsonl"
jq -s -e '[.[] | select(.type == "edge" and .kind == "paraphrase")] | length == 1' "$WORK/out" >/dev/null ||
  fail "near pair not linked: $(head -c 600 "$WORK/out")"
