# hearsay reuse: a paraphrased passage (sentences reworded and reordered
# inside, no shared 5-word run but one) is found as one "rewritten" record
# by the sentence stage, which is on by default; with --strict only the one
# lightly edited sentence is; an unrelated article is in no passage; every
# record says how it was found.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" <<'PY'
import json, sys
docs = [
 ("orig", "The city council approved a new budget on Tuesday after a long debate about school funding. Mayor Helen Ortiz said the plan would add forty teachers to the district next year. Opponents argued that property taxes would rise sharply for small businesses in the harbor area. The vote passed seven to two shortly after midnight. Local unions welcomed the decision and promised to support the mayor in the coming election."),
 ("para", "After a lengthy debate over school funding, the city council on Tuesday approved a fresh budget. The district will gain forty teachers next year under the plan, Mayor Helen Ortiz said. Property taxes for small businesses in the harbor area would rise sharply, opponents argued. Shortly after midnight the vote passed, seven to two. Weather in the region stayed mild all week."),
 ("other", "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns. Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes. Forecasters expect the storm to ease by the weekend."),
]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "--strict: only the edited sentence, method edited"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/strict.jsonl"
jq -e -s 'length == 1 and .[0].method == "edited" and (.[0].a.end - .[0].a.start) < 100' \
  "$WORK/strict.jsonl" >/dev/null || fail "--strict run: $(cat "$WORK/strict.jsonl")"

note "default: one rewritten record over the first three sentences"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/default.jsonl"
jq -e -s 'length == 1 and .[0].method == "rewritten" and .[0].kind == "cross"
          and .[0].a.doc == "orig" and .[0].b.doc == "para"
          and .[0].a.start == 0 and .[0].a.end >= 250
          and .[0].b.start == 0 and .[0].b.end >= 250' \
  "$WORK/default.jsonl" >/dev/null || fail "default run: $(cat "$WORK/default.jsonl")"

note "--rewrite is the default"
run 0 "$HEARSAY" reuse --format jsonl --rewrite "$WORK/c.jsonl"
cmp -s "$WORK/out" "$WORK/default.jsonl" || fail "--rewrite differs from the default"

note "every record has a method; text and tsv formats still work"
run 0 "$HEARSAY" reuse --format tsv --rewrite "$WORK/c.jsonl"
[ "$(wc -l < "$WORK/out")" -eq 2 ] || fail "tsv: $(cat "$WORK/out")"
run 0 "$HEARSAY" reuse --format jsonl --rewrite --threads 1 "$CORPUS"
jq -e -s 'all(.method | IN("verbatim", "edited", "rewritten", "summary"))' "$WORK/out" \
  >/dev/null || fail "a record without a valid method"

echo "ok"
