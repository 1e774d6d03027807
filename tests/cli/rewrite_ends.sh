# hearsay reuse: a rewritten passage whose last sentences are reworded too
# far for a seed of the sentence stage (one content word in common) is
# still reported to its end: a kept passage's ends are widened by the next
# sentences of both sides while they stay alike at a lower cosine.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" <<'PY'
import json, sys
fa = ["Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns.",
  "Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes.",
  "Forecasters expect the storm to ease by the weekend, when temperatures should climb above freezing.",
  "At the port, a cargo ship with a broken rudder was towed into the outer basin by two tugs."]
fb = ["Its crew of nineteen was reported safe, and the harbour master said the channel would reopen soon.",
  "The museum on Elm Street will show a collection of river maps drawn by surveyors two centuries ago.",
  "Curators spent a year restoring the paper, which had been stored in a damp cellar since the war.",
  "A bakery near the station celebrated its fiftieth year with free bread for everyone who came by."]
ga = ["Volunteers planted three hundred oak saplings along the river path on Saturday morning.",
  "The parks department hopes the trees will shade the path within a decade.",
  "A chess club at the library now meets twice a week and welcomes players of every level."]
gb = ["The regional orchestra announced a winter season of six concerts in the old cathedral.",
  "Tickets go on sale next month, and students will pay half the usual price.",
  "A new bus line will link the university campus with the northern suburbs from April."]
P = ["Engineers at the Riverside dam found cracks in the concrete spillway during a routine inspection last week.",
  "The regional water authority ordered the reservoir lowered by four metres while divers examine the foundations.",
  "Farmers downstream worry that irrigation canals will run dry before the harvest if the repairs drag on.",
  "Officials promised compensation for lost crops and said the spillway would be rebuilt with reinforced steel.",
  "An independent panel of geologists will report on the safety of the structure by the end of November."]
Q = ["Staff noticed cracks in the concrete last week.",
  "The water authority of the region wants the reservoir four metres lower while its foundations are examined by divers.",
  "Should repairs drag on, canals for irrigation could run dry before harvest, fear farmers living downstream.",
  "Officials, promising to compensate crops that are lost, said steel would reinforce the rebuilt spillway.",
  "Geologists will say by late November whether it is sound."]
# one sentence copied word for word elsewhere: the n-gram stage joins the pair
V = ("The ministry of transport published its annual report on road accidents, which counted four hundred and twelve collisions "
     "on the coastal highway between January and June, most of them in heavy rain at night.")
others = [" ".join((fa + fb + ga + gb)[k::4]) for k in range(4)]  # for the idf of common words
docs = [("other%d" % k, t) for k, t in enumerate(others)]
docs += [("orig", " ".join(fa + P + fb) + " " + V), ("para", " ".join(ga + Q + gb) + " " + V)]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "one rewritten record from the first rewritten sentence to the last"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
read -r p0 p1 q0 q1 < <(python3 -c '
import json, sys
d = {x["id"]: x["text"] for x in map(json.loads, open(sys.argv[1]))}
o, p = d["orig"], d["para"]
print(o.index("Engineers"), o.index("November") + 8, p.index("Staff"), p.index("sound") + 5)' "$WORK/c.jsonl")
jq -e -s --argjson p0 "$p0" --argjson p1 "$p1" --argjson q0 "$q0" --argjson q1 "$q1" '
  [.[] | select(.a.doc == "orig" and .b.doc == "para" and .method == "rewritten")]
  | length == 1 and .[0].a.start == $p0 and .[0].a.end >= $p1
    and .[0].b.start == $q0 and .[0].b.end >= $q1' \
  "$WORK/out" >/dev/null || fail "expected orig $p0-$p1, para $q0-$q1: $(cat "$WORK/out")"
