# Which page denies the claim: a denial in a page's lead paragraph makes
# the page a denial (src/story/lead.c); a retelling that gives the denial
# further down does not.  d2 opens with "has dismissed as "baseless" a
# report" (a quoted denial word after the verb); r3 copies the claim and
# says in its third paragraph that the ministry denied the reports.  The
# corpus is tests/data/story/denial.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/denial.jsonl

run 0 "$HEARSAY" stories "$C"
got=$(jq -s -c '[.[0].doc_info[] | [.doc, .denial]]' "$WORK/out")

note "the three pages are one story, first a1"
jq -s -e 'length == 1 and .[0].first.doc == "a1" and (.[0].docs | sort) == ["a1", "d2", "r3"]' \
  "$WORK/out" >/dev/null || fail "stories: $(jq -c '[.docs, .first.doc]' "$WORK/out")"

note "the page whose lead denies it is a denial; the retelling is not"
[[ $got == '[["a1",false],["d2",true],["r3",false]]' ]] || fail "denials: $got"

note "story N marks the same page"
run 0 "$HEARSAY" story 1 --format text "$C"
grep -q 'DENIAL' "$WORK/out" || fail "no DENIAL in: $(cat "$WORK/out")"
[[ $(grep -c 'DENIAL' "$WORK/out") == 1 ]] || fail "more than one DENIAL: $(cat "$WORK/out")"
grep 'DENIAL' "$WORK/out" | grep -q 'd2' || fail "DENIAL not on d2: $(grep DENIAL "$WORK/out")"
