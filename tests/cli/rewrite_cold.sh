# hearsay reuse: a rewritten copy that shares no run of words with its
# source that the n-gram stage would find (every sentence reworded and
# reordered, names and numbers kept) is found by default as one
# "rewritten" record, and not with --strict; two stories on the same
# event, which share names and numbers in scattered sentences, are not
# linked.  A reworded copy of only two long sentences is found too.
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

note "a reworded copy of two long sentences, no n-gram passage: one rewritten record"
python3 - "$WORK/d.jsonl" "$WORK/d.at" <<'PY'
import json, sys
s1a = "Velmira Strand of the Korvath Water Board told reporters on Monday that the Brenmoor reservoir near Ostrelle and Dunmarsh has shrunk to eleven percent of its normal volume, the lowest level seen there since records began."
s2a = "Tomas Valdric, chief engineer at Lake Oskarn, said its pumping station could fail before the autumn storms, which would leave Keldwick and Halvern without running water for several weeks."
s1b = "Speaking to journalists on Monday, Velmira Strand, who heads the Korvath Water Board, said Brenmoor reservoir, serving Ostrelle and Dunmarsh, now holds only eleven percent of normal volume, its lowest since records started."
s2b = "If the pumping station at Lake Oskarn fails ahead of autumn storms, Keldwick and Halvern would be left without running water for several weeks, Tomas Valdric, its chief engineer, said."
fill = [
 "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns. Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes.",
 "The museum opened a new wing devoted to early printing presses, with machines lent by collectors from five countries. Visitors can watch volunteers set type by hand and print a small poster to take home.",
 "A fishing boat with six crew was towed back to port after its engine failed in a storm. The coast guard said all the men were safe and the boat had suffered little damage.",
 "The autumn fair drew crowds to the old market square, where bakers sold bread and honey from long wooden tables. Children rode a small carousel while a brass band played near the fountain.",
 "Delegates signed a trade accord on Friday after nine days of talks. The agreement limits imports to four hundred tonnes each season, and ministers called it a fair deal for the towns in the region.",
]
docs = [("orig", fill[0] + " " + s1a + " " + s2a + " " + fill[1]),
        ("copy", fill[2] + " " + s1b + " " + s2b + " " + fill[3]),
        ("other1", fill[4]), ("other2", fill[1] + " " + fill[3]),
        ("other3", fill[0] + " " + fill[2] + " " + fill[4])]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(sys.argv[2], "w") as f:  # the two sentences, in characters (ASCII)
    a0, b0 = len(fill[0]) + 1, len(fill[2]) + 1
    f.write("%d %d %d %d\n" % (a0, a0 + len(s1a + " " + s2a), b0, b0 + len(s1b + " " + s2b)))
PY
read -r a0 a1 b0 b1 < "$WORK/d.at"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/d.jsonl"
[ -z "$(jq -c 'select(.a.doc == "orig" and .b.doc == "copy")' "$WORK/out")" ] ||
  fail "--strict run: $(cat "$WORK/out")"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/d.jsonl"
jq -e -s --argjson a0 "$a0" --argjson a1 "$a1" --argjson b0 "$b0" --argjson b1 "$b1" \
  'map(select(.a.doc == "orig" and .b.doc == "copy")) | length == 1
   and .[0].method == "rewritten" and .[0].a.start == $a0 and .[0].a.end >= $a1 - 2
   and .[0].b.start == $b0 and .[0].b.end >= $b1 - 2' \
  "$WORK/out" >/dev/null || fail "default run: $(cat "$WORK/out") (want $a0-$a1 / $b0-$b1)"

echo "ok"
