#!/usr/bin/env bash
# claim_pairs: `search --pairs`, the claim similarity of sentence pairs.
# A rounded restatement of numbers is the same claim; a retelling in
# another word order is the same claim; a sentence that adds a long clause
# of its own is a different one although it contains the other word for
# word; a negation or a changed name is "changed" with its difference; an
# unrelated pair scores 0.  "20 commanders" vs "2 commanders" is a changed
# number, also alone in its file, where the changed number is the rarest
# word and the words' score is low while the model's is high.  Plain output is "score<TAB>same"; an explicit
# --format jsonl gives the verdict, the differences and the features.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

cat >"$WORK/pairs.tsv" <<'PAIRS'
The Dow advanced 11 points to 931 on Monday.	The Dow gained 10.89 to 931.12 on Monday.
The city council approved the new budget on Tuesday after a long debate.	After a long debate on Tuesday, the new budget was approved by the city council.
The city council approved the new budget on Tuesday after a long debate.	The city council approved the new budget on Tuesday after a long debate about taxes, schools and the cost of the stadium that the mayor wants to build.
The minister confirmed the report on Friday.	The minister did not confirm the report on Friday.
Police arrested the suspect in Boston after a chase.	Police arrested the suspect in Chicago after a chase.
Rain fell across the region for three days.	The company reported higher profits for the quarter.
PAIRS

note "plain output: score and same"
run 0 "$HEARSAY" search --pairs "$WORK/pairs.tsv"
[[ $(lines "$WORK/out") == 6 ]] || fail "expected 6 lines"
cut -f2 "$WORK/out" | tr -d '\n' >"$WORK/same"
[[ $(cat "$WORK/same") == 110000 ]] || fail "same column $(cat "$WORK/same"), expected 110000"
awk -F'\t' 'NR == 3 && $1 >= 0.59 { exit 1 } NR == 6 && $1 != 0 { exit 1 }' "$WORK/out" ||
  fail "the added clause should score below 0.59 and the unrelated pair 0"

note "JSON: verdicts, differences, features"
run 0 "$HEARSAY" search --pairs "$WORK/pairs.tsv" --format jsonl
jq -e -s 'map(.verdict) == ["same","same","different","changed","changed","different"]' \
  "$WORK/out" >/dev/null || fail "verdicts: $(jq -c -s 'map(.verdict)' "$WORK/out")"
jq -e -s '.[0].diffs == [] and .[0].features.numbers_same == 2' "$WORK/out" >/dev/null ||
  fail "rounded numbers should agree"
jq -e -s '.[3].diffs == [{"kind":"negation","from":"affirmed","to":"negated"}]' "$WORK/out" >/dev/null ||
  fail "negation difference missing"
jq -e -s '.[4].diffs == [{"kind":"place/actor","from":"Boston","to":"Chicago"}] and .[4].words >= 0.59' \
  "$WORK/out" >/dev/null || fail "changed name missing"
jq -e -s 'all(.[]; (.features | length) == 25 and .similarity >= 0 and .similarity <= 1 and .pair >= 1)' \
  "$WORK/out" >/dev/null || fail "every pair has 25 features and a similarity in 0..1"
note "a changed number alone: changed, not the same claim"
printf '20 commanders were killed\t2 commanders were killed\n' >"$WORK/one.tsv"
run 0 "$HEARSAY" search --pairs "$WORK/one.tsv"
[[ $(cut -f2 "$WORK/out") == 0 ]] || fail "20 vs 2 commanders reported as the same claim"
run 0 "$HEARSAY" search --pairs "$WORK/one.tsv" --format jsonl
jq -e '.verdict == "changed" and .diffs == [{"kind":"number","from":"20","to":"2"}]' \
  "$WORK/out" >/dev/null || fail "20 vs 2 commanders: $(cat "$WORK/out")"
note "ok"
