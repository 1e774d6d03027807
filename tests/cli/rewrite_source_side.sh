# hearsay reuse: a paraphrased passage whose last sentence matches one far
# below in its source stays one "rewritten" record over the passage it
# rewords; the far sentence does not make it a "summary" of the text
# between (summaries are the summary pass's).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" <<'PY'
import json, sys
lead = ("The city council approved a new budget on Tuesday after a long debate about school funding. "
        "Mayor Helen Ortiz said the plan would add forty teachers to the district next year. "
        "Opponents argued that property taxes would rise sharply for small businesses in the harbor area. "
        "The vote passed seven to two shortly after midnight. ")
filler = " ".join([
  "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns.",
  "Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes.",
  "Forecasters expect the storm to ease by the weekend, when temperatures should climb above freezing.",
  "At the port, a cargo ship with a broken rudder was towed into the outer basin by two tugs.",
  "Its crew of nineteen was reported safe, and the harbour master said the channel would reopen soon.",
  "The museum on Elm Street will show a collection of river maps drawn by surveyors two centuries ago.",
  "Curators spent a year restoring the paper, which had been stored in a damp cellar since the war.",
  "A bakery near the station celebrated its fiftieth year with free bread for everyone who came by.",
  "The owner, whose grandfather opened the shop, said the recipe for the rye loaf has never changed.",
  "Volunteers planted three hundred oak saplings along the river path on Saturday morning.",
  "The parks department hopes the trees will shade the path within a decade.",
  "A chess club at the library now meets twice a week and welcomes players of every level.",
])
tail = ("All week the weather in the region stayed mild.")
docs = [
 ("orig", lead + filler + " " + tail),
 ("para", "After a lengthy debate over school funding, the city council on Tuesday approved a fresh budget. "
          "The district will gain forty teachers next year under the plan, Mayor Helen Ortiz said. "
          "Property taxes for small businesses in the harbor area would rise sharply, opponents argued. "
          "Shortly after midnight the vote passed, seven to two. Weather in the region stayed mild all week."),
]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "one rewritten record, its source side the lead only"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/default.jsonl"
lead_end=$(python3 -c 'import json; t=json.loads(open("'"$WORK/c.jsonl"'").readline())["text"]; print(t.index("Heavy snow"))')
jq -e -s --argjson le "$lead_end" 'length == 1 and .[0].method == "rewritten"
          and .[0].a.doc == "orig" and .[0].a.start == 0 and .[0].a.end <= $le
          and .[0].b.doc == "para"' \
  "$WORK/default.jsonl" >/dev/null || fail "default run (lead ends at $lead_end): $(cat "$WORK/default.jsonl")"
