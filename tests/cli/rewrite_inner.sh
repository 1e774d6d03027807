# hearsay reuse: in a pair of documents without an n-gram passage, a
# reworded copy of two shorter sentences (sharing fewer than 30 words)
# inside both documents is found as one "rewritten" record, while the
# same two sentences leading both documents (two stories on one event
# open alike) are not; --strict finds neither.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK" <<'PY'
import json, os, sys
s1a = "Velmira Strand of the Korvath Water Board said the Brenmoor reservoir near Ostrelle has shrunk to eleven percent."
s2a = "Tomas Valdric, chief engineer at Lake Oskarn, said its pumps could fail before storms reach Keldwick and Halvern."
s1b = "Velmira Strand, head of Korvath Water Board, said Brenmoor reservoir by Ostrelle now holds just eleven percent."
s2b = "Lake Oskarn pumps may fail before storms hit Keldwick and Halvern, chief engineer Tomas Valdric said."
fill = [
 "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns. Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes.",
 "The museum opened a new wing devoted to early printing presses, with machines lent by collectors from five countries. Visitors can watch volunteers set type by hand and print a small poster to take home.",
 "A fishing boat with six crew was towed back to port after its engine failed in a storm. The coast guard said all the men were safe and the boat had suffered little damage.",
 "The autumn fair drew crowds to the old market square, where bakers sold bread and honey from long wooden tables. Children rode a small carousel while a brass band played near the fountain.",
 "Delegates signed a trade accord on Friday after nine days of talks. The agreement limits imports to four hundred tonnes each season, and ministers called it a fair deal for the towns in the region.",
]
others = [("other1", fill[4]), ("other2", fill[1] + " " + fill[3]),
          ("other3", fill[0] + " " + fill[2] + " " + fill[4])]
sets = {
 "inner": [("orig", fill[0] + " " + s1a + " " + s2a + " " + fill[1]),
           ("copy", fill[2] + " " + s1b + " " + s2b + " " + fill[3])],
 "lead": [("orig", s1a + " " + s2a + " " + fill[0] + " " + fill[1]),
          ("copy", s1b + " " + s2b + " " + fill[2] + " " + fill[3])],
}
for name, docs in sets.items():
    with open(os.path.join(sys.argv[1], name + ".jsonl"), "w") as f:
        for i, t in docs + others:
            f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(os.path.join(sys.argv[1], "inner.at"), "w") as f:  # ASCII: bytes
    a0, b0 = len(fill[0]) + 1, len(fill[2]) + 1
    f.write("%d %d %d %d\n" % (a0, a0 + len(s1a + " " + s2a), b0, b0 + len(s1b + " " + s2b)))
PY
read -r a0 a1 b0 b1 < "$WORK/inner.at"
pair='select(.a.doc == "orig" and .b.doc == "copy")'

note "--strict: no pair found"
for s in inner lead; do
  run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/$s.jsonl"
  [ -z "$(jq -c "$pair" "$WORK/out")" ] || fail "--strict, $s: $(cat "$WORK/out")"
done

note "inside both documents: one rewritten record over the two sentences"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/inner.jsonl"
jq -e -s --argjson a0 "$a0" --argjson a1 "$a1" --argjson b0 "$b0" --argjson b1 "$b1" \
  "map($pair) | length == 1 and .[0].method == \"rewritten\"
   and .[0].a.start == \$a0 and .[0].a.end >= \$a1 - 2
   and .[0].b.start == \$b0 and .[0].b.end >= \$b1 - 2" \
  "$WORK/out" >/dev/null || fail "inner: $(cat "$WORK/out") (want $a0-$a1 / $b0-$b1)"

note "the same sentences leading both documents: not linked"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/lead.jsonl"
[ -z "$(jq -c "$pair" "$WORK/out")" ] || fail "lead: $(cat "$WORK/out")"

echo "ok"
