# hearsay reuse: a rewritten copy that shares no run of words with its
# source that the n-gram stage would find (every sentence reworded and
# reordered, names and numbers kept) is found by default as one
# "rewritten" record, and not with --strict; two stories on the same
# event, which share names and numbers in scattered sentences, are not
# linked.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" <<'PY'
import json, sys
docs = [
 ("orig", "The regional water authority of Carvella announced on Monday that the Brenmoor reservoir had fallen to eleven percent of capacity. Engineer Tomas Valdric warned that the pumping station at Lake Oskarn could fail before the autumn rains arrive. Farmers in the Ostrelle valley were asked to halve irrigation until further notice from the authority. The Carvella council will release emergency funds of three million crowns for tanker deliveries to remote villages. Valdric said new pipelines from the Oskarn aquifer would take at least two years to build."),
 ("copy", "On Monday the Carvella regional authority for water announced Brenmoor reservoir capacity had fallen to eleven percent. Before the autumn rains arrive, the Lake Oskarn pumping station could fail, engineer Tomas Valdric warned. Until further notice, Ostrelle valley farmers were asked by the authority to halve their irrigation. Emergency funds of three million crowns for deliveries by tanker to villages that are remote will be released by the council of Carvella. New Oskarn aquifer pipelines would take two years at least to build, Valdric said."),
 ("story1", "Delegates from Marrowgate and Pellucid signed a fishing accord in Tessaly on Friday after nine days of talks. The agreement limits trawlers from both ports to four hundred tonnes of herring each season. Minister Iwona Kestrel called it a fair deal for coastal towns. Fishermen in Pellucid said the quota was too low and threatened to strike."),
 ("story2", "Fishermen in Pellucid staged a protest at the harbour on Saturday, a day after the accord was signed in Tessaly. Several hundred boats blocked the channel for three hours while police watched from the quay. Union leaders said a limit of four hundred tonnes of herring would ruin families who depend on the winter catch. Minister Iwona Kestrel said she would meet Marrowgate and Pellucid crews next week to explain the deal."),
 ("other1", "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns. Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes. Forecasters expect the storm to ease by the weekend."),
 ("other2", "The museum opened a new wing devoted to early printing presses, with machines lent by collectors from five countries. Visitors can watch volunteers set type by hand and print a small poster to take home. The curator hopes schools will book visits throughout the spring term."),
]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "--strict: nothing (no n-gram passage anywhere)"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/c.jsonl"
[ ! -s "$WORK/out" ] || fail "--strict run: $(cat "$WORK/out")"

note "default: the copy, one rewritten record over both texts; the stories unlinked"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
jq -e -s 'length == 1 and .[0].method == "rewritten" and .[0].kind == "cross"
          and .[0].a.doc == "orig" and .[0].b.doc == "copy"
          and .[0].a.start == 0 and .[0].a.end >= 500
          and .[0].b.start == 0 and .[0].b.end >= 500' \
  "$WORK/out" >/dev/null || fail "default run: $(cat "$WORK/out")"

note "the same with one thread"
run 0 "$HEARSAY" reuse --format jsonl --threads 1 "$WORK/c.jsonl"
jq -e -s 'length == 1 and .[0].b.doc == "copy"' "$WORK/out" >/dev/null \
  || fail "one thread: $(cat "$WORK/out")"

echo "ok"
